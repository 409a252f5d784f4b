namespace Pipeline.Edge.Api.Chats;

// The server's frames on /ws/chat (docs/websocket.md), serialised snake_case.

public sealed record AckFrame(long MessageId, long ChatId)
{
    public string Type => "ack";
}

public sealed record TokenFrame(long MessageId, long ChatId, string Delta)
{
    public string Type => "token";
}

public sealed record SocketMessage(long MessageId, long ChatId, string Role, string Content, string Status, DateTimeOffset CreatedAt);

public sealed record MessageFrame(SocketMessage Message)
{
    public string Type => "message";
}

public sealed record HistoryFrame(long ChatId, IReadOnlyList<SocketMessage> Messages)
{
    public string Type => "history";
}

public sealed record ErrorFrame(string Detail)
{
    public string Type => "error";
}

public sealed record PongFrame
{
    public string Type => "pong";
}

public sealed record StoppedFrame(long ChatId)
{
    public string Type => "stopped";
}
