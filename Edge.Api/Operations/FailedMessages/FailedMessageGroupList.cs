namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>A page of groups; <see cref="Total"/> counts every group that matches the filter.</summary>
public sealed record FailedMessageGroupList(IReadOnlyList<FailedMessageGroup> Groups, long Total);
