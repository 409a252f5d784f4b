using Dapper;
using Npgsql;

namespace Pipeline.Domain.Analytics;

/// <summary>
/// The owner of the analytics rollups (<c>analytics_*</c> except exports): Handlers fold each learning event in once;
/// the dashboard, learner analytics and exports read a few rows per request instead of scanning <c>learning_events</c>.
/// </summary>
public sealed partial class AnalyticsRollupStore(NpgsqlDataSource dataSource)
{
    public sealed record CompletedConcept(long UserId, long ConceptId, string? Title, double Mastery, DateTimeOffset At, int? DurationSeconds,
        string? Component, string? Milestone);

    /// <summary>Folds in a concept completion; false when <paramref name="eventKey"/> was applied before.</summary>
    public async Task<bool> ApplyConceptCompletedAsync(string eventKey, CompletedConcept c, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await MarkAppliedAsync(connection, tx, eventKey, ct)) return false;
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended('analytics:' || @UserId, 0))",
            new { c.UserId }, tx, cancellationToken: ct));
        var args = new
        {
            c.UserId, c.ConceptId, c.Title, c.Mastery, At = c.At.UtcDateTime, Day = DayOf(c.At),
            Seconds = (long)(c.DurationSeconds ?? 0), TimeCount = c.DurationSeconds is null ? 0 : 1,
            Hour = c.At.UtcDateTime.Hour + 1, Weekday = (int)c.At.UtcDateTime.DayOfWeek + 1,
        };
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO analytics_learner_daily AS d (user_id, day, completions, mastery_sum, learning_seconds)
            VALUES (@UserId, @Day::date, 1, @Mastery, @Seconds)
            ON CONFLICT (user_id, day) DO UPDATE SET completions = d.completions + 1, mastery_sum = d.mastery_sum + @Mastery,
                learning_seconds = d.learning_seconds + @Seconds;
            INSERT INTO analytics_concept_daily AS d (concept_id, day, title, completions, mastery_sum, time_sum, time_count)
            VALUES (@ConceptId, @Day::date, @Title, 1, @Mastery, @Seconds, @TimeCount)
            ON CONFLICT (concept_id, day) DO UPDATE SET title = coalesce(@Title, d.title), completions = d.completions + 1,
                mastery_sum = d.mastery_sum + @Mastery, time_sum = d.time_sum + @Seconds, time_count = d.time_count + @TimeCount;
            INSERT INTO analytics_concept_learners AS l (concept_id, user_id, title, completions, mastery_sum, time_sum, completed_at)
            VALUES (@ConceptId, @UserId, @Title, 1, @Mastery, @Seconds, @At)
            ON CONFLICT (concept_id, user_id) DO UPDATE SET title = coalesce(@Title, l.title), completions = l.completions + 1,
                mastery_sum = l.mastery_sum + @Mastery, time_sum = l.time_sum + @Seconds, completed_at = least(coalesce(l.completed_at, @At), @At);
            INSERT INTO analytics_learner_profiles (user_id) VALUES (@UserId) ON CONFLICT DO NOTHING;
            -- The path: the first (up to 4) concepts of the learner in the order they were first completed, whatever order the
            -- events arrive in (the per-learner lock above keeps two completions from missing each other).
            UPDATE analytics_learner_profiles p SET path = f.path, path_started_at = f.started, path_last_at = f.last, path_mastery_sum = f.mastery
            FROM (SELECT array_agg(concept_id ORDER BY completed_at, concept_id) AS path, min(completed_at) AS started, max(completed_at) AS last,
                         sum(mastery_sum / completions) AS mastery
                  FROM (SELECT concept_id, completed_at, mastery_sum, completions FROM analytics_concept_learners
                        WHERE user_id = @UserId AND completions > 0 ORDER BY completed_at, concept_id LIMIT 4) first_four) f
            WHERE p.user_id = @UserId;
            UPDATE analytics_learner_profiles SET hours[@Hour] = hours[@Hour] + 1, weekdays[@Weekday] = weekdays[@Weekday] + 1 WHERE user_id = @UserId;
            INSERT INTO analytics_learner_activity AS a (user_id, active, completing)
            VALUES (@UserId, analytics_with_day(B'', @Day::date), analytics_with_day(B'', @Day::date))
            ON CONFLICT (user_id) DO UPDATE SET active = analytics_with_day(a.active, @Day::date), completing = analytics_with_day(a.completing, @Day::date);
            INSERT INTO analytics_cohort_daily AS c (day, shard, completions, mastery_sum, learning_seconds)
            VALUES (@Day::date, (@UserId % 16)::smallint, 1, @Mastery, @Seconds)
            ON CONFLICT (day, shard) DO UPDATE SET completions = c.completions + 1, mastery_sum = c.mastery_sum + @Mastery,
                learning_seconds = c.learning_seconds + @Seconds;
            """, args, tx, cancellationToken: ct));
        foreach (var (kind, name) in new[] { ("component", c.Component), ("milestone", c.Milestone) })
            if (!string.IsNullOrWhiteSpace(name))
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO analytics_learner_groups AS g (user_id, kind, name, completions, mastery_sum, first_at, last_at)
                    VALUES (@UserId, @kind, @name, 1, @Mastery, @At, @At)
                    ON CONFLICT (user_id, kind, name) DO UPDATE SET completions = g.completions + 1, mastery_sum = g.mastery_sum + @Mastery,
                        first_at = least(g.first_at, @At), last_at = greatest(g.last_at, @At)
                    """, new { c.UserId, kind, name, c.Mastery, At = c.At.UtcDateTime }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> ApplyExerciseSubmittedAsync(string eventKey, long userId, long conceptId, double score, bool passed, DateTimeOffset at,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await MarkAppliedAsync(connection, tx, eventKey, ct)) return false;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO analytics_learner_daily AS d (user_id, day, submissions, passed, score_sum)
            VALUES (@userId, @Day::date, 1, @Passed, @score)
            ON CONFLICT (user_id, day) DO UPDATE SET submissions = d.submissions + 1, passed = d.passed + @Passed, score_sum = d.score_sum + @score;
            INSERT INTO analytics_concept_daily AS d (concept_id, day, submissions, failures)
            VALUES (@conceptId, @Day::date, 1, 1 - @Passed)
            ON CONFLICT (concept_id, day) DO UPDATE SET submissions = d.submissions + 1, failures = d.failures + 1 - @Passed;
            INSERT INTO analytics_concept_learners AS l (concept_id, user_id, submissions, failures, score_sum)
            VALUES (@conceptId, @userId, 1, 1 - @Passed, @score)
            ON CONFLICT (concept_id, user_id) DO UPDATE SET submissions = l.submissions + 1, failures = l.failures + 1 - @Passed,
                score_sum = l.score_sum + @score;
            INSERT INTO analytics_learner_profiles (user_id) VALUES (@userId) ON CONFLICT DO NOTHING;
            UPDATE analytics_learner_profiles SET hours[@Hour] = hours[@Hour] + 1, weekdays[@Weekday] = weekdays[@Weekday] + 1 WHERE user_id = @userId;
            INSERT INTO analytics_learner_activity AS a (user_id, active) VALUES (@userId, analytics_with_day(B'', @Day::date))
            ON CONFLICT (user_id) DO UPDATE SET active = analytics_with_day(a.active, @Day::date);
            """, new
        {
            userId, conceptId, score, Passed = passed ? 1 : 0, Day = DayOf(at),
            Hour = at.UtcDateTime.Hour + 1, Weekday = (int)at.UtcDateTime.DayOfWeek + 1,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> ApplyMilestoneAchievedAsync(string eventKey, long userId, string milestone, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await MarkAppliedAsync(connection, tx, eventKey, ct)) return false;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO analytics_learner_groups AS g (user_id, kind, name, first_at, last_at, achieved_at)
            VALUES (@userId, 'milestone', @milestone, @At, @At, @At)
            ON CONFLICT (user_id, kind, name) DO UPDATE SET achieved_at = coalesce(g.achieved_at, @At), last_at = greatest(g.last_at, @At)
            """, new { userId, milestone, At = at.UtcDateTime }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    private static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<bool> MarkAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string eventKey, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO analytics_applied_events (event_key) VALUES (@eventKey) ON CONFLICT DO NOTHING", new { eventKey }, tx,
            cancellationToken: ct)) == 1;
}
