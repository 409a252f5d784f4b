using Pipeline.Domain.Analytics;

namespace Pipeline.Edge.Api.Analytics.Learners;

/// <summary>
/// A learner as the list shows them. <c>user_id</c> is a string as in the learner analytics route it links to;
/// <c>last_active</c> is the last day (UTC) the rollups saw a completion or a submission.
/// </summary>
public sealed record LearnerItem(string UserId, string? Name, string Email, long ConceptsCompleted, DateOnly? LastActive)
{
    public static LearnerItem From(LearnerSummary s) => new(s.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, s.Email,
        s.ConceptsCompleted, s.LastActive is { } day ? DateOnly.FromDateTime(day) : null);
}
