namespace Pipeline.Tests.Scheduling;

public sealed record StopWaiting(Guid CorrelationId);
