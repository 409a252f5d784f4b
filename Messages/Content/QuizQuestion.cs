namespace Pipeline.Messages.Content;

/// <summary>A multiple-choice question; <paramref name="AnswerIndex"/> is 0-based into <paramref name="Options"/>.</summary>
public record QuizQuestion(string Question, IReadOnlyList<string> Options, int AnswerIndex, string Explanation);
