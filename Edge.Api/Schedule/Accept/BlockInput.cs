namespace Pipeline.Edge.Api.Schedule.Accept;

/// <summary>One block to add: the fields of <c>POST /api/v1/schedule</c>.</summary>
public sealed class BlockInput
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public string? Recurring { get; init; }
    public long? GoalId { get; init; }
    public long? CourseId { get; init; }
}
