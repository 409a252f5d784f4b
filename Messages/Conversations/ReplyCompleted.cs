namespace Pipeline.Messages.Conversations;

/// <summary>The reply to <paramref name="UserMessageId"/> is stored: <paramref name="Status"/> is completed or stopped.</summary>
public sealed record ReplyCompleted(
    long ConversationId,
    long UserMessageId,
    long MessageId,
    string Content,
    string Status,
    DateTimeOffset CreatedAt,
    int PromptTokens,
    int CompletionTokens);
