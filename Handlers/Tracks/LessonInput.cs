namespace Pipeline.Handlers.Tracks;

/// <summary>The user message of the lesson call.</summary>
public sealed record LessonInput(
    string TrackTitle,
    string? DifficultyLevel,
    string ModuleTitle,
    string ModuleDescription,
    IReadOnlyList<string> Objectives);
