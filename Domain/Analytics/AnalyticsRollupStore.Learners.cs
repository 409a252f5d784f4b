using Dapper;

namespace Pipeline.Domain.Analytics;

public sealed partial class AnalyticsRollupStore
{
    // Learners are registered accounts with the student role (guests come and go; instructors are not listed). The users
    // table is only read here, for the name and email an instructor recognises; everything else comes from the rollups.
    // The search is a parameter matched with strpos: no pattern syntax to escape, nothing of the caller's in the SQL text.
    private const string LearnerFilter = """
        NOT u.is_guest AND 'student' = ANY(u.roles)
        AND (@search::text IS NULL OR strpos(lower(u.email), @search) > 0
             OR strpos(lower(coalesce(u.display_name, concat_ws(' ', u.first_name, u.last_name))), @search) > 0)
        """;

    /// <summary>
    /// A page of learners, the most recently active first (then by id), with the concepts they completed and the last day
    /// they were active; <paramref name="search"/> matches part of the name or email, case-insensitively.
    /// </summary>
    public async Task<(IReadOnlyList<LearnerSummary> Items, int Total)> LearnersAsync(string? search, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var args = new { search = string.IsNullOrWhiteSpace(search) ? null : search.Trim().ToLowerInvariant(), limit, offset };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*)::int FROM users u WHERE {LearnerFilter}", args, cancellationToken: ct));
        var items = await connection.QueryAsync<LearnerSummary>(new CommandDefinition($"""
            SELECT u.id AS UserId, coalesce(u.display_name, nullif(concat_ws(' ', u.first_name, u.last_name), '')) AS Name, u.email AS Email,
                   coalesce(c.completed, 0) AS ConceptsCompleted, d.last_day::timestamp AS LastActive
            FROM users u
            LEFT JOIN LATERAL (SELECT max(day) AS last_day FROM analytics_learner_daily WHERE user_id = u.id) d ON true
            LEFT JOIN LATERAL (SELECT count(*) AS completed FROM analytics_concept_learners WHERE user_id = u.id AND completions > 0) c ON true
            WHERE {LearnerFilter}
            ORDER BY d.last_day DESC NULLS LAST, u.id
            LIMIT @limit OFFSET @offset
            """, args, cancellationToken: ct));
        return (items.ToList(), total);
    }
}
