namespace Pipeline.Messages.Learning;

/// <summary>
/// Request (seed 003 exercise submit): grade a design or coding answer against the exercise's requirements. Answered
/// with <see cref="ExerciseSubmissionGraded"/> by Handlers (the model, or the offline provider's deterministic rubric).
/// The answer is data: it is never executed.
/// </summary>
public sealed record GradeExerciseSubmission(
    Guid SessionId,
    long ExerciseId,
    string ExerciseType,
    string Title,
    string Instructions,
    IReadOnlyList<string> Requirements,
    string Answer,
    string? Language);
