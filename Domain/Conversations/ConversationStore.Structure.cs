using System.Text.Json;
using Dapper;

namespace Pipeline.Domain.Conversations;

public sealed partial class ConversationStore
{
    private static readonly JsonSerializerOptions StructureJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Stores a reply's structured parts (before the reply is finished and announced).</summary>
    public async Task SaveStructureAsync(long replyId, ReplyStructure structure, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversation_messages SET structure = @structure::jsonb WHERE id = @replyId",
            new { replyId, structure = JsonSerializer.Serialize(structure, StructureJson) }, cancellationToken: cancellationToken));
    }

    /// <summary>The reply's structured parts; null when it was answered in prose alone.</summary>
    public async Task<ReplyStructure?> GetStructureAsync(long replyId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT structure::text FROM conversation_messages WHERE id = @replyId", new { replyId }, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<ReplyStructure>(json, StructureJson);
    }
}
