namespace Pipeline.Edge.Api.Chats;

public sealed record StoppedFrame(long ChatId)
{
    public string Type => "stopped";
}
