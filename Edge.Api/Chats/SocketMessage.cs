namespace Pipeline.Edge.Api.Chats;

public sealed record SocketMessage(long MessageId, long ChatId, string Role, string Content, string Status, DateTimeOffset CreatedAt);
