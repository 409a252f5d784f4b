namespace Pipeline.Tests.Scheduling;

public sealed record StartWaiting(Guid CorrelationId);
