using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.AnalyticsBench;
using Pipeline.BenchSetup;
using static Pipeline.BenchSetup.Bench;

// ./bench.sh analytics: Edge.Api in this process on its own database and vhost. BENCH_ANALYTICS_EVENTS (1,000,000)
// learning events of BENCH_ANALYTICS_LEARNERS (10,000) learners generated in SQL, the rollups Handlers maintains
// computed from them; then GET /api/learntrac/v1/analytics/dashboard over HTTP as an instructor (cohort-wide, each
// timeframe) and as one learner, p50/p95, against a plain SELECT count(*) FROM learning_events in the same run.
var learners = Setting("BENCH_ANALYTICS_LEARNERS", 10_000);
var eventCount = Setting("BENCH_ANALYTICS_EVENTS", 1_000_000);
var concepts = Setting("BENCH_ANALYTICS_CONCEPTS", 500);
var samples = Setting("BENCH_ANALYTICS_SAMPLES", 100);
var port = Setting("BENCH_ANALYTICS_PORT", 18192);
var report = Environment.GetEnvironmentVariable("BENCH_ANALYTICS_REPORT") ?? "docs/analytics-benchmark.md";
var loadAtStart = LoadAverage();

await using var bench = await BenchEnvironment.CreateAsync("pipeline_analytics_bench", "analytics", port, new Dictionary<string, string?>
{
    ["LearnTrac:RateLimits:Api:Limit"] = "100000000",
});
await using var dataSource = NpgsqlDataSource.Create(bench.Database.ConnectionString(c => c.CommandTimeout = 3600));
var generation = new List<(string Step, double Seconds)>();
await using (var connection = await dataSource.OpenConnectionAsync())
{
    async Task Step(string step, string sql, object? args = null)
    {
        var clock = Stopwatch.StartNew();
        await connection.ExecuteAsync(sql, args, commandTimeout: 3600);
        generation.Add((step, clock.Elapsed.TotalSeconds));
    }
    await Step("learners", Data.Learners, new { learners });
    var firstUser = await connection.ExecuteScalarAsync<long>("SELECT min(id) FROM users");
    await Step("learning events", Data.Events, new { learners, concepts, events = eventCount, firstUser });
    await Step("rollups from the events", Data.Rollups);
    await Step("VACUUM ANALYZE", "VACUUM ANALYZE");
}
var counts = new Dictionary<string, long>();
foreach (var counted in new[] { "learning_events", "analytics_learner_daily", "analytics_concept_daily", "analytics_concept_learners", "analytics_learner_profiles" })
    counts[counted] = await Scalar<long>(dataSource, $"SELECT count(*) FROM {counted}");
var activeLearners = await Scalar<long>(dataSource, "SELECT count(DISTINCT user_id) FROM learning_events");

await bench.StartEdgeAsync();

using var instructor = await SignInAsync(bench.BaseAddress, dataSource, "instructor");
using var learner = await SignInAsync(bench.BaseAddress, dataSource, "student");
// The busiest learner (most events), for the instructor's view of one learner.
var busiest = await Scalar<long>(dataSource, "SELECT user_id FROM analytics_learner_daily GROUP BY user_id ORDER BY sum(completions + submissions) DESC LIMIT 1");

// Correctness first: the dashboard's month summary against the same figures counted from the raw events.
var month = await Json(await instructor.GetAsync("/api/learntrac/v1/analytics/dashboard?timeframe=month"));
var summary = month.GetProperty("summary");
var fromDay = DateTime.UtcNow.Date.AddDays(-29);
var raw = await Single<(long Active, long Completions)>(dataSource, """
    SELECT count(DISTINCT user_id), count(*) FILTER (WHERE verb = 'completed')
    FROM learning_events
    WHERE ((verb = 'completed' AND object_type = 'concept') OR (verb = 'submitted' AND object_type = 'exercise'))
      AND occurred_at >= @fromDay AND (occurred_at AT TIME ZONE 'UTC')::date <= (now() AT TIME ZONE 'UTC')::date
    """, new { fromDay });
// And the per-path counts the trigger kept against grouping the profiles.
var pathMismatches = await Scalar<long>(dataSource, """
    SELECT count(*) FROM (SELECT path, count(*) AS learners, count(*) FILTER (WHERE path_mastery_sum / cardinality(path) >= 0.8) AS successes
                          FROM analytics_learner_profiles WHERE cardinality(path) >= 2 GROUP BY path) g
    FULL JOIN analytics_path_stats s USING (path)
    WHERE g.learners IS DISTINCT FROM s.learners OR g.successes IS DISTINCT FROM s.successes
    """);
var agrees = summary.GetProperty("active_learners").GetInt64() == raw.Active && summary.GetProperty("concepts_completed").GetInt64() == raw.Completions
    && pathMismatches == 0;

// Warm-up, then each measure in turn.
for (var i = 0; i < 10; i++)
{
    await TimeAsync(instructor, "/api/learntrac/v1/analytics/dashboard?timeframe=month");
    await CountAsync(dataSource);
}
var loadBefore = LoadAverage();
var rows = new List<(string Name, List<double> Times)>();
foreach (var timeframe in new[] { "week", "month", "quarter", "year" })
    rows.Add(($"dashboard, instructor (cohort of {activeLearners:N0}), timeframe={timeframe}",
        await RepeatAsync(samples, () => TimeAsync(instructor, $"/api/learntrac/v1/analytics/dashboard?timeframe={timeframe}"))));
rows.Add(("dashboard, instructor, one learner (user_id=, the busiest), month",
    await RepeatAsync(samples, () => TimeAsync(instructor, $"/api/learntrac/v1/analytics/dashboard?timeframe=month&user_id={busiest}"))));
rows.Add(("dashboard, a learner's own (no events), month", await RepeatAsync(samples, () => TimeAsync(learner, "/api/learntrac/v1/analytics/dashboard"))));
var countTimes = await RepeatAsync(samples, () => CountAsync(dataSource));
rows.Add(("SELECT count(*) FROM learning_events (in process, no HTTP)", countTimes));
var rawTimes = await RepeatAsync(Math.Max(5, samples / 10), () => RawMonthAsync(dataSource, fromDay));
rows.Add(("the month summary counted from learning_events instead (what the rollups avoid)", rawTimes));
var loadAfter = LoadAverage();

// Plans of the dashboard's queries for the month, cohort-wide (as AnalyticsRollupStore runs them).
var plans = new StringBuilder();
var to = DateTime.UtcNow.Date;
var explained = new (string Title, string Sql)[]
{
    ("summary and trend (PeriodsAsync, cohort-wide: activity bits and per-day sums)", """
        WITH learners AS (
            SELECT analytics_days_in(active, @from::date, @to::date) AS days, analytics_days_in(completing, @from::date, @to::date) AS completing,
                   analytics_days_in(active, @previousFrom::date, @from::date - 1) AS previous_days,
                   analytics_days_in(completing, @previousFrom::date, @from::date - 1) AS previous_completing
            FROM analytics_learner_activity),
        people AS (
            SELECT count(*) FILTER (WHERE days > 0) AS active, count(*) FILTER (WHERE completing > 0) AS completing, coalesce(sum(days), 0)::bigint AS days,
                   count(*) FILTER (WHERE previous_days > 0) AS previous_active, count(*) FILTER (WHERE previous_completing > 0) AS previous_completing,
                   coalesce(sum(previous_days), 0)::bigint AS previous_days
            FROM learners),
        sums AS (
            SELECT coalesce(sum(completions) FILTER (WHERE day >= @from::date), 0)::bigint AS completions,
                   coalesce(sum(completions) FILTER (WHERE day < @from::date), 0)::bigint AS previous_completions
            FROM analytics_cohort_daily WHERE day >= @previousFrom::date AND day <= @to::date)
        SELECT * FROM people, sums
        """),
    ("the same summary the way it was read before migration 0072 (every learner-day of both periods)", """
        SELECT day >= @from::date AS Current, count(DISTINCT user_id), coalesce(sum(completions), 0)::bigint, coalesce(sum(mastery_sum), 0)::float8,
               coalesce(sum(learning_seconds), 0)::bigint, count(DISTINCT user_id) FILTER (WHERE completions > 0), count(*)
        FROM analytics_learner_daily
        WHERE day >= @previousFrom::date AND day <= @to::date AND (@userId::bigint IS NULL OR user_id = @userId)
        GROUP BY 1
        """),
    ("top concepts (TopConceptsAsync)", """
        SELECT concept_id, max(title), sum(completions)::bigint, sum(time_sum)::float8 / nullif(sum(time_count), 0), sum(mastery_sum) / nullif(sum(completions), 0)
        FROM analytics_concept_range(@from::date, @to::date)
        GROUP BY concept_id HAVING sum(completions) > 0 ORDER BY 3 DESC, 5 DESC NULLS LAST, 1 LIMIT 5
        """),
    ("struggling areas (StrugglingAsync)", """
        WITH c AS (
            SELECT concept_id, max(title) AS title, sum(submissions) AS subs, sum(failures) AS fails
            FROM analytics_concept_range(@from::date, @to::date)
            GROUP BY concept_id HAVING sum(submissions) >= 3 AND sum(failures)::float8 / sum(submissions) >= 0.3)
        SELECT c.concept_id, coalesce(c.title, (SELECT l.title FROM analytics_concept_learners l WHERE l.concept_id = c.concept_id AND l.title IS NOT NULL LIMIT 1)),
               c.fails::float8 / c.subs,
               coalesce((SELECT avg(l.submissions)::float8 FROM analytics_concept_learners l WHERE l.concept_id = c.concept_id AND l.submissions > 0), 0),
               c.subs::bigint
        FROM c ORDER BY 3 DESC, 5 DESC, 1 LIMIT 5
        """),
    ("most successful paths (SuccessfulPathsAsync, cohort-wide: the per-path counts)", """
        SELECT path, learners, successes::float8 / learners, time_sum / learners
        FROM analytics_path_stats WHERE learners > 0 ORDER BY 3 DESC, 2 DESC LIMIT 3
        """),
};
await using (var connection = await dataSource.OpenConnectionAsync())
    foreach (var (title, sql) in explained)
    {
        var lines = await connection.QueryAsync<string>("EXPLAIN (ANALYZE, COSTS OFF) " + sql, new
        {
            from = to.AddDays(-29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            previousFrom = to.AddDays(-59).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            userId = (long?)null,
        });
        plans.Append(CultureInfo.InvariantCulture, $"{title}:\n\n```\n{string.Join('\n', lines)}\n```\n\n");
    }

var countP50 = Percentile(countTimes, 0.5);
var monthRow = rows[1].Times;
var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
var table = string.Join('\n', rows.Select(r =>
    $"| {r.Name} | {Percentile(r.Times, 0.5):0.0} | {Percentile(r.Times, 0.95):0.0} | {r.Times.Max():0.0} | {Percentile(r.Times, 0.5) / countP50:0.00} |"));
var markdown = $"""
    # Analytics dashboard benchmark (`./bench.sh analytics`)

    Run {now} UTC on this machine ({Environment.ProcessorCount} cores, shared with other engineers' builds and tests).
    Load average (1/5/15 min): {loadAtStart} at the start, {loadBefore} before the timed requests, {loadAfter} at the end.
    Edge.Api in this process on the real PostgreSQL, RabbitMQ and Redis; requests over HTTP one after another.

    Data, generated in SQL (seeded): {counts["learning_events"]:N0} learning events of {activeLearners:N0} learners over the
    last 365 days (recent days busier, some learners and popular concepts far more active than others; {concepts} concepts):
    40% concept completions, 40% exercise submissions, 20% concepts started. The rollups Handlers keeps
    (`AnalyticsRollupConsumer` → `AnalyticsRollupStore`) were computed from those events in one pass each:
    {counts["analytics_learner_daily"]:N0} learner-days, {counts["analytics_concept_daily"]:N0} concept-days,
    {counts["analytics_concept_learners"]:N0} learner-concepts, {counts["analytics_learner_profiles"]:N0} learner profiles.
    Generation: {string.Join(", ", generation.Select(g => $"{g.Step} {g.Seconds:0.0} s"))}.

    The dashboard's month summary {(agrees ? "equals" : "DIFFERS FROM")} the same figures counted from the raw events
    ({raw.Active:N0} active learners, {raw.Completions:N0} concepts completed); paths whose learner counts differ between
    the per-path counts and grouping the profiles: {pathMismatches}.

    | request ({samples} each unless noted) | p50 ms | p95 ms | max ms | p50 / count(*) p50 |
    |---|---|---|---|---|
    {table}

    Target: the dashboard's p95 ≤ 100 ms. The month timeframe (the default): p95 {Percentile(monthRow, 0.95):0.0} ms.

    ## The dashboard's queries (cohort-wide, month; EXPLAIN ANALYZE)

    {plans}
    """;
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(report))!);
await File.WriteAllTextAsync(report, markdown + "\n");
Console.WriteLine(markdown);
return agrees ? 0 : 1;

static async Task<HttpClient> SignInAsync(Uri baseAddress, NpgsqlDataSource dataSource, string role)
{
    var api = new HttpClient { BaseAddress = baseAddress };
    var email = $"bench-{Guid.NewGuid():N}@example.com";
    const string password = "bench-password-42";
    var registered = await Json(await api.PostAsJsonAsync("/api/v1/auth/register", new { email, password, name = "Bench" }));
    var id = registered.GetProperty("user").GetProperty("id").GetInt64();
    await using (var connection = await dataSource.OpenConnectionAsync())
        await connection.ExecuteAsync("UPDATE users SET roles = ARRAY[@role] WHERE id = @id", new { role, id });
    var tokens = await Json(await api.PostAsJsonAsync("/api/v1/auth/login", new { username = email, password }));
    api.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString()!);
    return api;
}

static async Task<double> CountAsync(NpgsqlDataSource dataSource)
{
    var clock = Stopwatch.StartNew();
    await using var connection = await dataSource.OpenConnectionAsync();
    await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM learning_events");
    return clock.Elapsed.TotalMilliseconds;
}

static async Task<double> RawMonthAsync(NpgsqlDataSource dataSource, DateTime fromDay)
{
    var clock = Stopwatch.StartNew();
    await using var connection = await dataSource.OpenConnectionAsync();
    await connection.QuerySingleAsync<(long, long, double?, long?)>("""
        SELECT count(DISTINCT user_id), count(*) FILTER (WHERE verb = 'completed'), avg(score) FILTER (WHERE verb = 'completed'),
               sum(duration_seconds) FILTER (WHERE verb = 'completed')
        FROM learning_events
        WHERE ((verb = 'completed' AND object_type = 'concept') OR (verb = 'submitted' AND object_type = 'exercise')) AND occurred_at >= @fromDay
        """, new { fromDay });
    return clock.Elapsed.TotalMilliseconds;
}

static async Task<List<double>> RepeatAsync(int times, Func<Task<double>> measure)
{
    var results = new List<double>(times);
    for (var i = 0; i < times; i++) results.Add(await measure());
    return results;
}

static async Task<T> Scalar<T>(NpgsqlDataSource dataSource, string sql)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    return (await connection.ExecuteScalarAsync<T>(sql))!;
}

static async Task<T> Single<T>(NpgsqlDataSource dataSource, string sql, object args)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    return await connection.QuerySingleAsync<T>(sql, args);
}
