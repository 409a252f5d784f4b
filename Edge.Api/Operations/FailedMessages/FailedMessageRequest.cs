using FastEndpoints;
using Pipeline.Operations.FailedMessages;

namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>
/// What an action applies to, named by its route: one message (<c>{id}</c>), a group (<c>groups/{groupId}</c>) or, for
/// retry, everything failed from a queue (<c>queues/{queue}</c>).
/// </summary>
public sealed class FailedMessageRequest
{
    [BindFrom("id")] public Guid? Id { get; init; }
    [BindFrom("groupId")] public string? GroupId { get; init; }
    [BindFrom("queue")] public string? Queue { get; init; }

    public FailedMessageSelection Selection() =>
        Id is { } id ? FailedMessageSelection.Message(id)
        : GroupId is { } group ? FailedMessageSelection.Group(group)
        : FailedMessageSelection.Queue(Queue!);
}
