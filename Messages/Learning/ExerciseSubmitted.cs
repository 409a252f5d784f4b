namespace Pipeline.Messages.Learning;

/// <summary>Published when a submission is graded (seed 003). Score is 0..1; Passed is the exercise's pass mark.</summary>
public sealed record ExerciseSubmitted(long UserId, long ExerciseId, long ConceptId, double Score, bool Passed, DateTimeOffset SubmittedAt);
