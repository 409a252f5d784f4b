using System.Text.Json.Nodes;

namespace Pipeline.Domain.Conversations;

/// <summary>One row of <c>conversation_messages</c>.</summary>
public sealed record ConversationMessage(
    long Id,
    long ConversationId,
    string Role,
    string Content,
    string Status,
    long? ReplyTo,
    string? Model,
    int PromptTokens,
    int CompletionTokens,
    decimal Cost,
    JsonNode? Feedback,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
