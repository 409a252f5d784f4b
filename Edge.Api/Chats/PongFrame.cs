namespace Pipeline.Edge.Api.Chats;

public sealed record PongFrame
{
    public string Type => "pong";
}
