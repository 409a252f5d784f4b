namespace Pipeline.Tests.Scheduling;

public sealed record ScheduledProbe(Guid ProbeId);
