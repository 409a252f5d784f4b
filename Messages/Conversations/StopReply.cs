namespace Pipeline.Messages.Conversations;

/// <summary>
/// Stop the reply being generated in <paramref name="ConversationId"/>: published (every worker instance hears it),
/// the one generating it cancels the model call and stores the text so far as a stopped reply.
/// </summary>
public sealed record StopReply(long ConversationId);
