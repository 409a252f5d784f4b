using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace Pipeline.Domain.Tracks;

/// <summary>The owner of <c>ai_user_configs</c>: a user's own AI settings (only the keys they changed).</summary>
public sealed class AiUserConfigStore(NpgsqlDataSource dataSource)
{
    public async Task<JsonObject> GetAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT config::text FROM ai_user_configs WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken));
        return json is null ? new JsonObject() : JsonNode.Parse(json) as JsonObject ?? new JsonObject();
    }

    /// <summary>Merges <paramref name="changes"/> over the stored settings; returns the stored result.</summary>
    public async Task<JsonObject> MergeAsync(long userId, JsonObject changes, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.QuerySingleAsync<string>(new CommandDefinition("""
            INSERT INTO ai_user_configs (user_id, config) VALUES (@userId, @changes::jsonb)
            ON CONFLICT (user_id) DO UPDATE SET config = ai_user_configs.config || excluded.config, updated_at = now()
            RETURNING config::text
            """, new { userId, changes = changes.ToJsonString() }, cancellationToken: cancellationToken));
        return JsonNode.Parse(json) as JsonObject ?? new JsonObject();
    }
}
