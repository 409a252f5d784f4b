namespace Pipeline.Messages.Conversations;

/// <summary>
/// Answer the stored message <paramref name="UserMessageId"/> (a user's turn, or a hidden instruction) of conversation
/// <paramref name="ConversationId"/>: the worker streams the model's reply token by token on the conversation's Redis
/// channel and stores it. Idempotent on the message id: a redelivery never produces a second reply. Sent to the
/// <c>generate-reply</c> queue; sent as a request, it is answered with <see cref="ReplyCompleted"/> or
/// <see cref="ReplyFailed"/>.
/// </summary>
public sealed record GenerateReply(long ConversationId, long UserMessageId, long UserId);
