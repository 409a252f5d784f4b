using System.Text.Json.Nodes;

namespace Pipeline.Domain.Conversations;

/// <summary>One row of <c>conversations</c>: a chat, or (with children) a planning session grouping chats.</summary>
public sealed record Conversation(
    long Id,
    string Kind,
    long OwnerId,
    long? ParentId,
    long? CourseId,
    long? ModuleId,
    long? ConceptId,
    string Title,
    string Status,
    JsonNode? DraftPlan,
    JsonObject Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The conversation whose channel carries this one's reply events: the session a chat belongs to, or itself.</summary>
    public long RootId => ParentId ?? Id;

    /// <summary>Free-form context a feature gave the conversation for its prompts (metadata.context).</summary>
    public string? Context => Metadata["context"]?.GetValue<string>();
}
