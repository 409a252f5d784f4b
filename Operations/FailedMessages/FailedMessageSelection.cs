namespace Pipeline.Operations.FailedMessages;

/// <summary>Which failed messages an action applies to: one message, a group, or everything of a queue.</summary>
public sealed record FailedMessageSelection(string Condition, string Argument)
{
    public static FailedMessageSelection Message(Guid id) => new("id = $1::uuid", id.ToString());
    public static FailedMessageSelection Group(string groupId) => new("group_id = $1", groupId);
    public static FailedMessageSelection Queue(string queue) => new("queue = $1", queue);

    public bool IsSingleMessage => Condition.StartsWith("id ", StringComparison.Ordinal);
}
