namespace Pipeline.Messages.Webhooks;

/// <summary>
/// Published when a learner failed <paramref name="FailedAttempts"/> exercise submissions on one concept within a day
/// (the <c>user.struggled</c> webhook event); at most once per learner and concept per day.
/// </summary>
public sealed record UserStruggled(long UserId, long ConceptId, int FailedAttempts, double LastScore, DateTimeOffset DetectedAt);
