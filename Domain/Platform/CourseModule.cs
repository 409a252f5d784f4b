namespace Pipeline.Domain.Platform;

/// <summary>A module of a course (a row of <c>sections</c>).</summary>
public sealed record CourseModule
{
    public long Id { get; init; }
    public int Position { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string[] Objectives { get; init; } = [];
    public string[] Keywords { get; init; } = [];
    public double? EstimatedHours { get; init; }
}
