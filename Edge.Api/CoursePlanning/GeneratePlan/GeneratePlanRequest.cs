using FastEndpoints;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

public sealed class GeneratePlanRequest : IPlanningRequest
{
    public long? TrackId { get; init; }
    public long? SessionId { get; init; }
    public long? ChatId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? SkillArea { get; init; }
    public string? DifficultyLevel { get; init; }
    public double? EstimatedDurationHours { get; init; }
    public string? UserExpectations { get; init; }

    public sealed class Validator : Validator<GeneratePlanRequest>
    {
        public Validator() => TrackRules.Apply(this, r => r.Title, r => r.Description, r => r.SkillArea, r => r.DifficultyLevel,
            r => r.EstimatedDurationHours, r => r.UserExpectations, titleRequired: false);
    }
}
