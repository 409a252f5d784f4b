using Dapper;
using Npgsql;

namespace Pipeline.Domain.Concepts;

/// <summary>The owner of <c>user_achievements</c>: each achievement is awarded at most once per learner.</summary>
public sealed class AchievementStore(NpgsqlDataSource dataSource)
{
    /// <summary>Awards those of <paramref name="candidates"/> the learner does not have yet; returns the new ones.</summary>
    public async Task<IReadOnlyList<Achievement>> AwardAsync(long userId, IEnumerable<Achievement> candidates, CancellationToken ct)
    {
        var list = candidates.DistinctBy(a => a.Id).ToList();
        if (list.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var awarded = (await connection.QueryAsync<string>(new CommandDefinition("""
            INSERT INTO user_achievements (user_id, achievement_id) SELECT @userId, unnest(@ids)
            ON CONFLICT DO NOTHING RETURNING achievement_id
            """, new { userId, ids = list.Select(a => a.Id).ToArray() }, cancellationToken: ct))).ToHashSet();
        return list.Where(a => awarded.Contains(a.Id)).ToList();
    }
}
