namespace Pipeline.Tests.Persistence;

/// <summary>Adds one to the counter saga; the first one creates it. <see cref="Note"/> steers the test projection.</summary>
public sealed record CountUp(Guid CorrelationId, string? Note = null);
