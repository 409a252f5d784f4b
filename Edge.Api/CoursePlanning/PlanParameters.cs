namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>Track parameters given in a request body, which take precedence over the track's own.</summary>
public sealed record PlanParameters(string? Title, string? Description, string? SkillArea, string? DifficultyLevel,
    double? EstimatedDurationHours, string? UserExpectations);
