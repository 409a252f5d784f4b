namespace Pipeline.Tests.Scheduling;

public sealed record WaitTimedOut(Guid CorrelationId);
