namespace Pipeline.Domain.Tasks;

/// <summary>The task a failed message belongs to, as its owner polls it.</summary>
public sealed record FailedMessageTask(string TaskId, long UserId, string Status, string? Stage, double Progress);
