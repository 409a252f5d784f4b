namespace Pipeline.Domain.Conversations.ChatFrames;

public sealed record TokenFrame(long MessageId, long ChatId, string Delta) : IChatFrame, IMergeableFrame
{
    public string Type => "token";

    /// <summary>Consecutive tokens of one reply concatenate: the client appends deltas, so it sees the same text.</summary>
    public object? MergeWith(object next) =>
        next is TokenFrame token && token.MessageId == MessageId && token.ChatId == ChatId ? this with { Delta = Delta + token.Delta } : null;
}
