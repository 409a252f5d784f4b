namespace Pipeline.Tests.Persistence;

public sealed record StopCounting(Guid CorrelationId);
