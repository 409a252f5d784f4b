namespace Pipeline.Edge.Api.Exercises.Submit;

/// <summary>
/// Seed 003's solution: <c>code</c> (a design in Markdown or code; never executed) and, for quizzes, <c>answers</c>: the
/// chosen option index (0-based) per question, in order.
/// </summary>
public sealed class Solution
{
    public string? Code { get; init; }
    public string? Language { get; init; }
    public List<int>? Answers { get; init; }
    public int? TestsPassed { get; init; }
    public int? ExecutionTime { get; init; }
}
