namespace Pipeline.Edge.Api.Exercises.Submit;

public sealed record Feedback(IReadOnlyList<string> Strengths, IReadOnlyList<string> Improvements, string DetailedFeedback,
    IReadOnlyList<Reading> SuggestedReading, string Grader);
