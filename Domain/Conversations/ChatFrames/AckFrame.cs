namespace Pipeline.Domain.Conversations.ChatFrames;

public sealed record AckFrame(long MessageId, long ChatId) : IChatFrame
{
    public string Type => "ack";
}
