namespace Pipeline.Messages.Learning;

/// <summary>The answer to <see cref="GradeExerciseSubmission"/>: score 0..1, which requirements the answer meets, feedback.</summary>
public sealed record ExerciseSubmissionGraded(
    Guid SessionId,
    double Score,
    int RequirementsMet,
    int RequirementsTotal,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Improvements,
    string DetailedFeedback,
    string Grader);
