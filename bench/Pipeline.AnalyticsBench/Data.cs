namespace Pipeline.AnalyticsBench;

/// <summary>
/// The generated data, in SQL (generate_series; seeded, so every run has the same data): learners, learning events of
/// the kinds the learning core appends, and the rollups Handlers would have folded them into.
/// </summary>
public static class Data
{
    public const string Learners = """
        INSERT INTO users (email, display_name)
        SELECT 'learner-' || g || '@bench.example', 'Learner ' || g FROM generate_series(1, @learners) g
        """;

    /// <summary>
    /// Over the last 365 days (more recent days busier), some learners far more active than others, popular concepts
    /// far more often than the rest: 40% concept completions (mastery, time spent, component and milestone in the
    /// context, as the learning core writes them), 40% exercise submissions (score, passed at 0.6, the concept in the
    /// context), 20% concepts started (not in the rollups).
    /// </summary>
    public const string Events = """
        SELECT setseed(0.42);
        INSERT INTO learning_events (user_id, verb, object_type, object_id, score, success, completion, duration_seconds, context, occurred_at)
        SELECT @firstUser + u,
               CASE WHEN k < 0.4 THEN 'completed' WHEN k < 0.8 THEN 'submitted' ELSE 'started' END,
               CASE WHEN k >= 0.4 AND k < 0.8 THEN 'exercise' ELSE 'concept' END,
               CASE WHEN k >= 0.4 AND k < 0.8 THEN (c * 10 + g % 3)::text ELSE c::text END,
               CASE WHEN k < 0.8 THEN round(s::numeric, 2)::float8 END,
               CASE WHEN k >= 0.4 AND k < 0.8 THEN s >= 0.6 WHEN k < 0.4 THEN true END,
               CASE WHEN k < 0.8 THEN true END,
               CASE WHEN k < 0.8 THEN 60 + (d * 3000)::int END,
               CASE WHEN k >= 0.4 AND k < 0.8 THEN jsonb_build_object('concept_id', c)
                    WHEN k < 0.4 THEN jsonb_build_object('component', 'component-' || c / 50, 'milestone', 'Milestone ' || c / 100)
                    ELSE '{}'::jsonb END,
               now() - power(t, 1.3) * interval '365 days'
        FROM (SELECT g, floor(@learners * power(random(), 1.5))::bigint AS u, random() AS k,
                     1 + floor(@concepts * power(random(), 2))::bigint AS c, random() AS s, random() AS d, random() AS t
              FROM generate_series(1, @events) g) e
        """;

    private const string RolledUp = """
        SELECT user_id, verb, score, success, duration_seconds, occurred_at, (occurred_at AT TIME ZONE 'UTC')::date AS day,
               CASE WHEN verb = 'completed' THEN object_id::bigint ELSE (context ->> 'concept_id')::bigint END AS concept_id
        FROM learning_events
        WHERE (verb = 'completed' AND object_type = 'concept') OR (verb = 'submitted' AND object_type = 'exercise')
        """;

    /// <summary>
    /// What AnalyticsRollupStore.ApplyConceptCompletedAsync / ApplyExerciseSubmittedAsync would have written for every
    /// one of those events, computed in one pass each (a backfill; folding a million events in one at a time through the
    /// bus would take the machine most of an hour). The per-learner component/milestone groups are not built: the
    /// dashboard does not read them. The per-learner activity bits and per-day sums are built as migration 0072 builds
    /// them from existing rollups; the per-path counts by the profiles' trigger, as in production.
    /// </summary>
    public const string Rollups = $"""
        CREATE TEMPORARY TABLE e AS {RolledUp};
        INSERT INTO analytics_learner_daily (user_id, day, completions, mastery_sum, learning_seconds, submissions, passed, score_sum)
        SELECT user_id, day,
               count(*) FILTER (WHERE verb = 'completed'), coalesce(sum(score) FILTER (WHERE verb = 'completed'), 0),
               coalesce(sum(duration_seconds) FILTER (WHERE verb = 'completed'), 0),
               count(*) FILTER (WHERE verb = 'submitted'), count(*) FILTER (WHERE verb = 'submitted' AND success),
               coalesce(sum(score) FILTER (WHERE verb = 'submitted'), 0)
        FROM e GROUP BY user_id, day;
        INSERT INTO analytics_concept_daily (concept_id, day, title, completions, mastery_sum, time_sum, time_count, submissions, failures)
        SELECT concept_id, day, CASE WHEN count(*) FILTER (WHERE verb = 'completed') > 0 THEN 'Concept ' || concept_id END,
               count(*) FILTER (WHERE verb = 'completed'), coalesce(sum(score) FILTER (WHERE verb = 'completed'), 0),
               coalesce(sum(duration_seconds) FILTER (WHERE verb = 'completed'), 0), count(duration_seconds) FILTER (WHERE verb = 'completed'),
               count(*) FILTER (WHERE verb = 'submitted'), count(*) FILTER (WHERE verb = 'submitted' AND NOT success)
        FROM e GROUP BY concept_id, day;
        INSERT INTO analytics_concept_learners (concept_id, user_id, title, submissions, failures, score_sum, completions, mastery_sum, time_sum, completed_at)
        SELECT concept_id, user_id, CASE WHEN count(*) FILTER (WHERE verb = 'completed') > 0 THEN 'Concept ' || concept_id END,
               count(*) FILTER (WHERE verb = 'submitted'), count(*) FILTER (WHERE verb = 'submitted' AND NOT success),
               coalesce(sum(score) FILTER (WHERE verb = 'submitted'), 0),
               count(*) FILTER (WHERE verb = 'completed'), coalesce(sum(score) FILTER (WHERE verb = 'completed'), 0),
               coalesce(sum(duration_seconds) FILTER (WHERE verb = 'completed'), 0), min(occurred_at) FILTER (WHERE verb = 'completed')
        FROM e GROUP BY concept_id, user_id;
        WITH hc AS (SELECT user_id, extract(hour FROM occurred_at AT TIME ZONE 'UTC')::int AS x, count(*) AS n FROM e GROUP BY 1, 2),
             wc AS (SELECT user_id, extract(dow FROM occurred_at AT TIME ZONE 'UTC')::int AS x, count(*) AS n FROM e GROUP BY 1, 2),
             learners AS (SELECT DISTINCT user_id FROM e),
             hours AS (SELECT l.user_id, array_agg(coalesce(hc.n, 0)::int ORDER BY x) AS a FROM learners l CROSS JOIN generate_series(0, 23) x
                       LEFT JOIN hc USING (user_id, x) GROUP BY l.user_id),
             weekdays AS (SELECT l.user_id, array_agg(coalesce(wc.n, 0)::int ORDER BY x) AS a FROM learners l CROSS JOIN generate_series(0, 6) x
                          LEFT JOIN wc USING (user_id, x) GROUP BY l.user_id)
        INSERT INTO analytics_learner_profiles (user_id, hours, weekdays)
        SELECT h.user_id, h.a, w.a FROM hours h JOIN weekdays w USING (user_id);
        UPDATE analytics_learner_profiles p SET path = f.path, path_started_at = f.started, path_last_at = f.last, path_mastery_sum = f.mastery
        FROM (SELECT user_id, array_agg(concept_id ORDER BY completed_at, concept_id) AS path, min(completed_at) AS started, max(completed_at) AS last,
                     sum(mastery_sum / completions) AS mastery
              FROM (SELECT *, row_number() OVER (PARTITION BY user_id ORDER BY completed_at, concept_id) AS n
                    FROM analytics_concept_learners WHERE completions > 0) first
              WHERE n <= 4 GROUP BY user_id) f
        WHERE p.user_id = f.user_id;
        -- One bit string as long as the latest day needs, shifted to each day and OR-ed per learner (shifting past its end
        -- gives zeros: a day without completions).
        INSERT INTO analytics_learner_activity (user_id, active, completing)
        SELECT d.user_id, bit_or(one.b >> analytics_day_bit(d.day)),
               bit_or(one.b >> CASE WHEN d.completions > 0 THEN analytics_day_bit(d.day) ELSE one.len END)
        FROM analytics_learner_daily d,
             (SELECT rpad('1', len, '0')::varbit AS b, len FROM (SELECT max(analytics_day_bit(day)) + 1 AS len FROM analytics_learner_daily) m
              WHERE len IS NOT NULL) one
        GROUP BY d.user_id;
        INSERT INTO analytics_cohort_daily (day, shard, completions, mastery_sum, learning_seconds)
        SELECT day, (user_id % 16)::smallint, sum(completions), sum(mastery_sum), sum(learning_seconds)
        FROM analytics_learner_daily GROUP BY 1, 2;
        DROP TABLE e;
        """;
}
