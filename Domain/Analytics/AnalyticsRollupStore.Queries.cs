using Dapper;

namespace Pipeline.Domain.Analytics;

public sealed partial class AnalyticsRollupStore
{
    private static string Day(DateTimeOffset at) => DayOf(at);

    /// <summary>
    /// The current period [<paramref name="from"/>, <paramref name="to"/>] and the one before it, cohort-wide or for one
    /// learner. Cohort-wide from one row per learner (the days they were active, as bits) and one per day and shard (the
    /// sums), not from every learner-day of both periods (migration 0072, <c>./bench.sh analytics</c>).
    /// </summary>
    public async Task<IReadOnlyList<PeriodSummary>> PeriodsAsync(DateTimeOffset previousFrom, DateTimeOffset from, DateTimeOffset to, long? userId,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (userId is null)
            return (await connection.QueryAsync<PeriodSummary>(new CommandDefinition("""
                WITH learners AS (
                    SELECT analytics_days_in(active, @from::date, @to::date) AS days, analytics_days_in(completing, @from::date, @to::date) AS completing,
                           analytics_days_in(active, @previousFrom::date, @from::date - 1) AS previous_days,
                           analytics_days_in(completing, @previousFrom::date, @from::date - 1) AS previous_completing
                    FROM analytics_learner_activity),
                people AS (
                    SELECT count(*) FILTER (WHERE days > 0) AS active, count(*) FILTER (WHERE completing > 0) AS completing,
                           coalesce(sum(days), 0)::bigint AS days,
                           count(*) FILTER (WHERE previous_days > 0) AS previous_active, count(*) FILTER (WHERE previous_completing > 0) AS previous_completing,
                           coalesce(sum(previous_days), 0)::bigint AS previous_days
                    FROM learners),
                sums AS (
                    SELECT coalesce(sum(completions) FILTER (WHERE day >= @from::date), 0)::bigint AS completions,
                           coalesce(sum(mastery_sum) FILTER (WHERE day >= @from::date), 0)::float8 AS mastery,
                           coalesce(sum(learning_seconds) FILTER (WHERE day >= @from::date), 0)::bigint AS seconds,
                           coalesce(sum(completions) FILTER (WHERE day < @from::date), 0)::bigint AS previous_completions,
                           coalesce(sum(mastery_sum) FILTER (WHERE day < @from::date), 0)::float8 AS previous_mastery,
                           coalesce(sum(learning_seconds) FILTER (WHERE day < @from::date), 0)::bigint AS previous_seconds
                    FROM analytics_cohort_daily WHERE day >= @previousFrom::date AND day <= @to::date)
                SELECT true AS Current, active AS ActiveLearners, completions AS Completions, mastery AS MasterySum, seconds AS LearningSeconds,
                       people.completing AS LearnersCompleting, days AS ActiveDays
                FROM people, sums
                UNION ALL
                SELECT false, previous_active, previous_completions, previous_mastery, previous_seconds, previous_completing, previous_days
                FROM people, sums
                """, new { previousFrom = Day(previousFrom), from = Day(from), to = Day(to) }, cancellationToken: ct))).ToList();
        var rows = await connection.QueryAsync<PeriodSummary>(new CommandDefinition("""
            SELECT day >= @from::date AS Current, count(DISTINCT user_id) AS ActiveLearners, coalesce(sum(completions), 0)::bigint AS Completions,
                   coalesce(sum(mastery_sum), 0)::float8 AS MasterySum, coalesce(sum(learning_seconds), 0)::bigint AS LearningSeconds,
                   count(DISTINCT user_id) FILTER (WHERE completions > 0) AS LearnersCompleting, count(*) AS ActiveDays
            FROM analytics_learner_daily
            WHERE day >= @previousFrom::date AND day <= @to::date AND (@userId::bigint IS NULL OR user_id = @userId)
            GROUP BY 1
            """, new { previousFrom = Day(previousFrom), from = Day(from), to = Day(to), userId }, cancellationToken: ct));
        return rows.ToList();
    }

    public async Task<IReadOnlyList<TopConcept>> TopConceptsAsync(DateTimeOffset from, DateTimeOffset to, long? userId, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var sql = userId is null
            ? """
              SELECT concept_id AS ConceptId, max(title) AS Title, sum(completions)::bigint AS Completions,
                     sum(time_sum)::float8 / nullif(sum(time_count), 0) AS AverageTime, sum(mastery_sum) / nullif(sum(completions), 0) AS AverageScore
              FROM analytics_concept_range(@from::date, @to::date)
              GROUP BY concept_id HAVING sum(completions) > 0 ORDER BY 3 DESC, 5 DESC NULLS LAST, 1 LIMIT @limit
              """
            : """
              SELECT concept_id AS ConceptId, title AS Title, completions::bigint AS Completions,
                     CASE WHEN time_sum > 0 THEN time_sum::float8 / completions END AS AverageTime, mastery_sum / completions AS AverageScore
              FROM analytics_concept_learners WHERE user_id = @userId AND completions > 0
              ORDER BY 5 DESC, completed_at DESC LIMIT @limit
              """;
        return (await connection.QueryAsync<TopConcept>(new CommandDefinition(sql, new { from = Day(from), to = Day(to), userId, limit },
            cancellationToken: ct))).ToList();
    }

    /// <summary>Concepts where submissions fail often (at least <paramref name="minFailureRate"/> of <paramref name="minSubmissions"/> or more).</summary>
    public async Task<IReadOnlyList<StrugglingConcept>> StrugglingAsync(DateTimeOffset from, DateTimeOffset to, long? userId, int minSubmissions,
        double minFailureRate, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var sql = userId is null
            ? """
              WITH c AS (
                  SELECT concept_id, max(title) AS title, sum(submissions) AS subs, sum(failures) AS fails
                  FROM analytics_concept_range(@from::date, @to::date)
                  GROUP BY concept_id HAVING sum(submissions) >= @minSubmissions AND sum(failures)::float8 / sum(submissions) >= @minFailureRate)
              SELECT c.concept_id AS ConceptId,
                     coalesce(c.title, (SELECT l.title FROM analytics_concept_learners l WHERE l.concept_id = c.concept_id AND l.title IS NOT NULL LIMIT 1)) AS Title,
                     c.fails::float8 / c.subs AS FailureRate,
                     coalesce((SELECT avg(l.submissions)::float8 FROM analytics_concept_learners l WHERE l.concept_id = c.concept_id AND l.submissions > 0), 0) AS AverageAttempts,
                     c.subs::bigint AS Submissions
              FROM c ORDER BY 3 DESC, 5 DESC, 1 LIMIT @limit
              """
            : """
              SELECT concept_id AS ConceptId, title AS Title, failures::float8 / submissions AS FailureRate, submissions::float8 AS AverageAttempts,
                     submissions::bigint AS Submissions
              FROM analytics_concept_learners
              WHERE user_id = @userId AND submissions >= @minSubmissions AND failures::float8 / submissions >= @minFailureRate
              ORDER BY 3 DESC, 5 DESC, 1 LIMIT @limit
              """;
        return (await connection.QueryAsync<StrugglingConcept>(new CommandDefinition(sql,
            new { from = Day(from), to = Day(to), userId, minSubmissions, minFailureRate, limit }, cancellationToken: ct))).ToList();
    }

    /// <summary>The first concepts learners completed, in order, grouped: how often each path ended with mastery (average ≥ 0.8).</summary>
    public async Task<IReadOnlyList<SuccessfulPath>> SuccessfulPathsAsync(long? userId, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Cohort-wide from the per-path counts a trigger keeps (migration 0072); the same figures as grouping the profiles.
        if (userId is null)
            return (await connection.QueryAsync<SuccessfulPath>(new CommandDefinition("""
                SELECT path AS Path, learners::bigint AS Learners, successes::float8 / learners AS SuccessRate, time_sum / learners AS AverageTime
                FROM analytics_path_stats WHERE learners > 0
                ORDER BY 3 DESC, 2 DESC LIMIT @limit
                """, new { limit }, cancellationToken: ct))).ToList();
        return (await connection.QueryAsync<SuccessfulPath>(new CommandDefinition("""
            SELECT path AS Path, count(*) AS Learners,
                   avg(CASE WHEN path_mastery_sum / cardinality(path) >= 0.8 THEN 1.0 ELSE 0.0 END)::float8 AS SuccessRate,
                   avg(extract(epoch FROM path_last_at - path_started_at))::float8 AS AverageTime
            FROM analytics_learner_profiles
            WHERE cardinality(path) >= 2 AND (@userId::bigint IS NULL OR user_id = @userId)
            GROUP BY path ORDER BY 3 DESC, 2 DESC LIMIT @limit
            """, new { userId, limit }, cancellationToken: ct))).ToList();
    }

    public async Task<LearnerTotals> LearnerTotalsAsync(long userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<LearnerTotals>(new CommandDefinition("""
            SELECT coalesce(sum(completions), 0)::bigint AS Completions, coalesce(sum(mastery_sum), 0)::float8 AS MasterySum,
                   coalesce(sum(learning_seconds), 0)::bigint AS LearningSeconds, coalesce(sum(submissions), 0)::bigint AS Submissions,
                   coalesce(sum(passed), 0)::bigint AS Passed, coalesce(sum(score_sum), 0)::float8 AS ScoreSum,
                   coalesce(sum(completions) FILTER (WHERE day > @now::date - 28), 0)::bigint AS RecentCompletions,
                   coalesce(sum(completions) FILTER (WHERE day <= @now::date - 28 AND day > @now::date - 56), 0)::bigint AS EarlierCompletions,
                   count(*) AS ActiveDays
            FROM analytics_learner_daily WHERE user_id = @userId
            """, new { userId, now = Day(now) }, cancellationToken: ct));
    }

    public async Task<LearnerActivity?> LearnerActivityAsync(long userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<LearnerActivity>(new CommandDefinition(
            "SELECT hours AS Hours, weekdays AS Weekdays FROM analytics_learner_profiles WHERE user_id = @userId", new { userId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<LearnerGroup>> LearnerGroupsAsync(long userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<LearnerGroup>(new CommandDefinition("""
            SELECT kind AS Kind, name AS Name, completions::bigint AS Completions, mastery_sum AS MasterySum, first_at AS FirstAt, last_at AS LastAt,
                   achieved_at AS AchievedAt
            FROM analytics_learner_groups WHERE user_id = @userId ORDER BY kind, first_at, name
            """, new { userId }, cancellationToken: ct))).ToList();
    }

    // Export reports: the filters' learners, days and milestones.

    public async Task<IReadOnlyList<LearnerProgressRow>> LearnerProgressAsync(ReportFilters f, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<LearnerProgressRow>(new CommandDefinition("""
            SELECT user_id AS UserId, sum(completions)::bigint AS Completions, sum(mastery_sum) / nullif(sum(completions), 0) AS AverageMastery,
                   round(sum(learning_seconds) / 3600.0, 2)::float8 AS LearningHours, sum(submissions)::bigint AS Submissions,
                   sum(passed)::float8 / nullif(sum(submissions), 0) AS SuccessRate, max(day)::timestamp AS LastActive
            FROM analytics_learner_daily
            WHERE day BETWEEN @from::date AND @to::date AND (@users::bigint[] IS NULL OR user_id = ANY(@users))
            GROUP BY user_id ORDER BY 2 DESC, 1 LIMIT 10000
            """, new { from = Day(f.From), to = Day(f.To), users = f.UserIds?.ToArray() }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<ConceptRow>> ConceptAnalyticsAsync(ReportFilters f, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ConceptRow>(new CommandDefinition("""
            SELECT concept_id AS ConceptId, max(title) AS Title, sum(completions)::bigint AS Completions,
                   sum(mastery_sum) / nullif(sum(completions), 0) AS AverageMastery, sum(time_sum)::float8 / nullif(sum(time_count), 0) AS AverageTime,
                   sum(submissions)::bigint AS Submissions, sum(failures)::float8 / nullif(sum(submissions), 0) AS FailureRate
            FROM analytics_concept_range(@from::date, @to::date)
            GROUP BY concept_id ORDER BY 3 DESC, 1 LIMIT 10000
            """, new { from = Day(f.From), to = Day(f.To) }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<MilestoneRow>> MilestoneSummaryAsync(ReportFilters f, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<MilestoneRow>(new CommandDefinition("""
            SELECT name AS Milestone, count(*) AS Learners, sum(completions)::bigint AS Completions,
                   sum(mastery_sum) / nullif(sum(completions), 0) AS AverageMastery, count(achieved_at) AS Achieved
            FROM analytics_learner_groups
            WHERE kind = 'milestone' AND last_at >= @from::date AND first_at < @to::date + 1
              AND (@users::bigint[] IS NULL OR user_id = ANY(@users)) AND (@milestones::text[] IS NULL OR name = ANY(@milestones))
            GROUP BY name ORDER BY 2 DESC, 1
            """, new { from = Day(f.From), to = Day(f.To), users = f.UserIds?.ToArray(), milestones = f.Milestones?.ToArray() },
            cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<DailyCompletions>> CompletionsByDayAsync(ReportFilters f, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DailyCompletions>(new CommandDefinition("""
            SELECT day::timestamp AS Day, sum(completions)::bigint AS Completions FROM analytics_learner_daily
            WHERE day BETWEEN @from::date AND @to::date AND (@users::bigint[] IS NULL OR user_id = ANY(@users))
            GROUP BY day ORDER BY day
            """, new { from = Day(f.From), to = Day(f.To), users = f.UserIds?.ToArray() }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<ComponentMastery>> MasteryByComponentAsync(ReportFilters f, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ComponentMastery>(new CommandDefinition("""
            SELECT name AS Component, (sum(mastery_sum) / nullif(sum(completions), 0))::float8 AS AverageMastery, sum(completions)::bigint AS Completions
            FROM analytics_learner_groups
            WHERE kind = 'component' AND completions > 0 AND (@users::bigint[] IS NULL OR user_id = ANY(@users))
            GROUP BY name ORDER BY 3 DESC, 1 LIMIT 12
            """, new { users = f.UserIds?.ToArray() }, cancellationToken: ct))).ToList();
    }
}
