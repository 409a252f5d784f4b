using Pipeline.Domain.Tracks;

namespace Pipeline.Edge.Api.Tracks;

/// <summary>A module of a track; <c>order_index</c> is 0-based.</summary>
public sealed record ModuleResponse(
    long Id,
    long TrackId,
    int OrderIndex,
    string Title,
    string Description,
    IReadOnlyList<string> Objectives,
    double? EstimatedHours,
    bool IsCompleted,
    bool HasLesson)
{
    public static ModuleResponse From(TrackModule m) =>
        new(m.Id, m.TrackId, m.Position, m.Title, m.Description, m.Objectives, m.EstimatedHours, m.IsCompleted, m.Lesson is not null);
}
