namespace Pipeline.Domain.Tracks;

/// <summary>A seed 001 track: a row of <c>courses</c> with kind 'track', owned by the learner who plans it.</summary>
public sealed record Track(
    long Id,
    long OwnerId,
    string Title,
    string Description,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    string? UserExpectations,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
