namespace Pipeline.Messages.Conversations;

/// <summary>The reply to <paramref name="UserMessageId"/> could not be produced (the conversation is gone, or the model
/// failed for good); <paramref name="MessageId"/> is the failed reply row, 0 when none was written.</summary>
public sealed record ReplyFailed(long ConversationId, long UserMessageId, long MessageId, string Reason);
