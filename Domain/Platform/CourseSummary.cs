namespace Pipeline.Domain.Platform;

/// <summary>A course as seed 004 lists it (any kind: a catalogue course, a generated path's course, a track).</summary>
public sealed record CourseSummary(
    long Id,
    string Kind,
    string Title,
    string Description,
    long? OwnerId,
    string Visibility,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    string Status,
    int ModuleCount,
    bool Enrolled,
    DateTime CreatedAt);
