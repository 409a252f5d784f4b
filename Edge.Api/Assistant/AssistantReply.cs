using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.Assistant;

/// <summary>The assistant's message; <c>conversation_id</c> continues the conversation in the next call.</summary>
public sealed record AssistantReply(
    long ConversationId,
    long MessageId,
    string Role,
    string Content,
    DateTimeOffset CreatedAt,
    int PromptTokens,
    int CompletionTokens,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VoiceSessionInfo? VoiceSession = null);
