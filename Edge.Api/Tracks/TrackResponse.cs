using Pipeline.Domain.Tracks;

namespace Pipeline.Edge.Api.Tracks;

public sealed record TrackResponse(
    long Id,
    string Title,
    string Description,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    string? UserExpectations,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ModuleResponse>? Modules)
{
    public static TrackResponse From(Track t, IReadOnlyList<TrackModule>? modules = null) => new(t.Id, t.Title, t.Description, t.SkillArea,
        t.DifficultyLevel, t.EstimatedDurationHours, t.UserExpectations, t.Status, t.CreatedAt, t.UpdatedAt,
        modules?.Select(ModuleResponse.From).ToList());
}
