namespace Pipeline.Edge.Api.Chats;

public sealed record AckFrame(long MessageId, long ChatId)
{
    public string Type => "ack";
}
