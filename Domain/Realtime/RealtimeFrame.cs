namespace Pipeline.Domain.Realtime;

/// <summary>One stored frame of a user's realtime feed: its event id (the Redis stream entry id, ordered), type and JSON body.</summary>
public sealed record RealtimeFrame(string EventId, string Type, string Json);
