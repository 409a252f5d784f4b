namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>What a retry/archive/unarchive did: how many messages it changed.</summary>
public sealed record FailedMessageActionResult(string Action, int Messages);
