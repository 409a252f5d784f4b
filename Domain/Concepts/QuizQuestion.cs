namespace Pipeline.Domain.Concepts;

/// <summary>A multiple-choice question; <see cref="Answer"/> is the index of the right option (never sent to learners).</summary>
public sealed record QuizQuestion(string Question, IReadOnlyList<string> Options, int Answer);
