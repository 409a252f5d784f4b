namespace Pipeline.Handlers.Tracks;

/// <summary>The user message of the course planning call: the track's parameters and the dialogue so far (data, not instructions).</summary>
public sealed record CoursePlanInput(
    string Title,
    string Description,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    string? UserExpectations,
    IReadOnlyList<string> Dialogue);
