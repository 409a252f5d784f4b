using System.Collections.Concurrent;

namespace Pipeline.Operations.Metrics;

/// <summary>This process's message counters per message type, flushed to PostgreSQL by <see cref="MessageMetricsFlusher"/>.</summary>
public sealed class MessageMetrics
{
    private readonly ConcurrentDictionary<string, MessageTypeCounters> _byType = new();

    public MessageTypeCounters For(string messageType) => _byType.GetOrAdd(messageType, _ => new MessageTypeCounters());

    public IReadOnlyList<MessageTypeSnapshot> Snapshot() => _byType.Select(pair => pair.Value.Snapshot(pair.Key)).ToList();
}
