namespace Pipeline.Tests.Scheduling;

public sealed record FlakyWork(Guid WorkId);
