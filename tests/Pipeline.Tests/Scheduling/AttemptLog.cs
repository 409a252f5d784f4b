using System.Collections.Concurrent;

namespace Pipeline.Tests.Scheduling;

public sealed class AttemptLog
{
    public sealed record Attempt(Guid WorkId, string? OriginalMessageId, int RedeliveryCount, bool Succeeded);

    public ConcurrentQueue<Attempt> Attempts { get; } = new();
}
