using System.Collections.Concurrent;

namespace Pipeline.Tests.Scheduling;

/// <summary>Every probe delivery, shared by all hosts of a test so duplicates across hosts show.</summary>
public sealed class DeliveryLog
{
    public sealed record Delivery(Guid ProbeId, DateTime ReceivedAt);

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public int CountOf(Guid probeId) => Deliveries.Count(d => d.ProbeId == probeId);
}
