using FastEndpoints;
using Pipeline.Domain.Tracks;

namespace Pipeline.Edge.Api.Tracks;

public sealed class CreateTrackRequest
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? SkillArea { get; init; }
    public string? DifficultyLevel { get; init; }
    public double? EstimatedDurationHours { get; init; }
    public string? UserExpectations { get; init; }

    public TrackFields ToFields() => new(Title?.Trim(), Description, SkillArea, DifficultyLevel, EstimatedDurationHours, UserExpectations);

    public sealed class Validator : Validator<CreateTrackRequest>
    {
        public Validator() => TrackRules.Apply(this, r => r.Title, r => r.Description, r => r.SkillArea, r => r.DifficultyLevel,
            r => r.EstimatedDurationHours, r => r.UserExpectations, titleRequired: true);
    }
}
