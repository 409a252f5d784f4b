namespace Pipeline.Edge.Api.Operations.FailedMessages;

public sealed record FailedMessageList(IReadOnlyList<FailedMessageSummary> Messages, long Total);
