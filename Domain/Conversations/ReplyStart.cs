namespace Pipeline.Domain.Conversations;

/// <summary>
/// What <see cref="ConversationStore.StartReplyAsync"/> found: a reply row to stream into (new, or one a killed worker
/// left streaming, now emptied), or the reply a previous delivery already finished (<see cref="AlreadyFinished"/>).
/// </summary>
public sealed record ReplyStart(ConversationMessage Reply, bool AlreadyFinished);
