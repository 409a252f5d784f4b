namespace Pipeline.Edge.Api.Chats;

public sealed record MessageFrame(SocketMessage Message)
{
    public string Type => "message";
}
