using System.Text.Json;
using Dapper;
using Npgsql;

namespace Pipeline.Domain.Concepts;

/// <summary>The owner of <c>learner_profiles</c>.</summary>
public sealed class LearnerProfileStore(NpgsqlDataSource dataSource)
{
    public async Task<LearnerProfile> GetAsync(long userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(double, double, string)?>(new CommandDefinition(
            "SELECT difficulty_offset, pace, resource_weights::text FROM learner_profiles WHERE user_id = @userId", new { userId }, cancellationToken: ct));
        return row is { } r
            ? new LearnerProfile(r.Item1, r.Item2, JsonSerializer.Deserialize<Dictionary<string, double>>(r.Item3) ?? [])
            : LearnerProfile.Default;
    }

    public async Task SaveAsync(long userId, LearnerProfile profile, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO learner_profiles (user_id, difficulty_offset, pace, resource_weights) VALUES (@userId, @DifficultyOffset, @Pace, @weights::jsonb)
            ON CONFLICT (user_id) DO UPDATE SET difficulty_offset = excluded.difficulty_offset, pace = excluded.pace,
                resource_weights = excluded.resource_weights, updated_at = now()
            """, new { userId, profile.DifficultyOffset, profile.Pace, weights = JsonSerializer.Serialize(profile.ResourceWeights) }, cancellationToken: ct));
    }
}
