using FastEndpoints;

namespace Pipeline.Edge.Api.Tracks;

public sealed class UpdateTrackRequest
{
    [BindFrom("track_id")] public long TrackId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? SkillArea { get; init; }
    public string? DifficultyLevel { get; init; }
    public double? EstimatedDurationHours { get; init; }
    public string? UserExpectations { get; init; }

    public sealed class Validator : Validator<UpdateTrackRequest>
    {
        public Validator() => TrackRules.Apply(this, r => r.Title, r => r.Description, r => r.SkillArea, r => r.DifficultyLevel,
            r => r.EstimatedDurationHours, r => r.UserExpectations, titleRequired: false);
    }
}
