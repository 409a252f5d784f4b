using System.Collections.Concurrent;

namespace Pipeline.Tests.Persistence;

/// <summary>What <see cref="CounterProjection"/> saw, for assertions.</summary>
public sealed class ProjectionLog
{
    public sealed record CommittedProjection(Guid CorrelationId, string? State, int Count, int? CountVisibleToOthers);

    public ConcurrentQueue<CommittedProjection> Committed { get; } = new();
    public ConcurrentQueue<Guid> FailedProjections { get; } = new();
    public ConcurrentQueue<Guid> Faults { get; } = new();
}
