using System.Text.Json.Nodes;
using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.Chats;

/// <summary>A stored message as every seed 001 route (and the WebSocket) shows it. status: completed, or for an
/// assistant reply streaming, stopped or failed.</summary>
public sealed record MessageView(long MessageId, long ChatId, string Role, string Content, string Status, DateTimeOffset CreatedAt,
    int PromptTokens, int CompletionTokens, decimal Cost, JsonNode? Feedback)
{
    public static MessageView From(ConversationMessage m) =>
        new(m.Id, m.ConversationId, m.Role, m.Content, m.Status, m.CreatedAt, m.PromptTokens, m.CompletionTokens, m.Cost, m.Feedback);
}
