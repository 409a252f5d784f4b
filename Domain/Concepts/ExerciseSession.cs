namespace Pipeline.Domain.Concepts;

/// <summary>A learner's attempt at an exercise.</summary>
public sealed record ExerciseSession(Guid Id, long UserId, long ExerciseId, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, double? Score, bool? Passed);
