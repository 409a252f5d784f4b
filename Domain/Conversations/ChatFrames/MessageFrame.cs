namespace Pipeline.Domain.Conversations.ChatFrames;

public sealed record MessageFrame(SocketMessage Message) : IChatFrame
{
    public string Type => "message";
}
