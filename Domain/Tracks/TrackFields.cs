namespace Pipeline.Domain.Tracks;

/// <summary>What a learner sets on a track; on update, null leaves a field as it is.</summary>
public sealed record TrackFields(
    string? Title,
    string? Description,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    string? UserExpectations);
