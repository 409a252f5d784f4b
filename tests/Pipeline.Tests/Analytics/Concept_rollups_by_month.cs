using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Analytics;

/// <summary>
/// analytics_concept_range (migration 0076) reads whole months from the monthly rollup and the edge days from the daily
/// one: for any period its per-concept sums equal the daily rows' sums, also after the daily rows change.
/// </summary>
public sealed class Concept_rollups_by_month : IAsyncLifetime
{
    private IsolatedInfrastructure _infrastructure = null!;

    public async ValueTask InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        await _infrastructure.MigrateAsync();
    }

    public ValueTask DisposeAsync() => _infrastructure.DisposeAsync();

    [Fact]
    public async Task Every_period_sums_to_what_its_days_sum_to()
    {
        await using var connection = new NpgsqlConnection(_infrastructure.PostgresConnectionString);
        // 3 concepts over 14 months, every day, values that differ by concept and day; then some days change and one goes.
        await connection.ExecuteAsync("""
            INSERT INTO analytics_concept_daily (concept_id, day, title, completions, mastery_sum, time_sum, time_count, submissions, failures)
            SELECT c, d::date, 'concept ' || c || CASE WHEN extract(day FROM d) = 7 THEN ' (renamed)' ELSE '' END,
                   (c * 7 + extract(doy FROM d)::int) % 5, ((c + extract(doy FROM d)::int) % 10) / 10.0, c * 60 + extract(doy FROM d)::int,
                   c % 3 + 1, (c * 3 + extract(day FROM d)::int) % 4, (c + extract(day FROM d)::int) % 2
            FROM generate_series(1, 3) c, generate_series('2025-10-01'::date, '2026-11-30'::date, '1 day') d
            """);
        await connection.ExecuteAsync("""
            INSERT INTO analytics_concept_daily AS d (concept_id, day, completions, submissions, failures) VALUES (2, '2026-03-15', 4, 2, 1)
            ON CONFLICT (concept_id, day) DO UPDATE SET completions = d.completions + 4, submissions = d.submissions + 2, failures = d.failures + 1
            """);
        await connection.ExecuteAsync("DELETE FROM analytics_concept_daily WHERE concept_id = 3 AND day = '2026-06-01'");

        (string From, string To)[] periods =
        [
            ("2026-11-05", "2026-11-20"), // inside one month
            ("2026-11-01", "2026-11-30"), // exactly one month
            ("2026-10-25", "2026-11-30"), // a partial month, then a whole one
            ("2025-12-06", "2026-11-30"), // a year ending on a month's last day
            ("2025-12-06", "2026-12-05"), // a year ending in a month without data
            ("2025-10-01", "2026-11-30"), // everything
            ("2026-02-28", "2026-03-01"), // across one month boundary
        ];
        foreach (var (from, to) in periods)
        {
            var fromDays = await SumsAsync(connection, "SELECT * FROM analytics_concept_daily WHERE day BETWEEN @from::date AND @to::date", from, to);
            var fromRange = await SumsAsync(connection, "SELECT * FROM analytics_concept_range(@from::date, @to::date)", from, to);
            Assert.True(fromDays.Count > 0, $"no data for {from}..{to}");
            Assert.Equal(fromDays, fromRange);
        }
    }

    private static async Task<List<string>> SumsAsync(NpgsqlConnection connection, string rows, string from, string to) =>
        (await connection.QueryAsync<string>($"""
            SELECT concat_ws('|', concept_id, max(title), sum(completions), round(sum(mastery_sum)::numeric, 6), sum(time_sum), sum(time_count),
                             sum(submissions), sum(failures))
            FROM ({rows}) r GROUP BY concept_id ORDER BY concept_id
            """, new { from, to })).ToList();
}
