namespace Pipeline.Domain.Conversations.ChatFrames;

public sealed record SocketMessage(long MessageId, long ChatId, string Role, string Content, string Status, DateTimeOffset CreatedAt);
