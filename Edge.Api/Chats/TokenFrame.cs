namespace Pipeline.Edge.Api.Chats;

public sealed record TokenFrame(long MessageId, long ChatId, string Delta)
{
    public string Type => "token";
}
