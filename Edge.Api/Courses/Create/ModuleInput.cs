namespace Pipeline.Edge.Api.Courses.Create;

public sealed class ModuleInput
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string[] Objectives { get; init; } = [];
    public string[] Keywords { get; init; } = [];
    public double? EstimatedHours { get; init; }
}
