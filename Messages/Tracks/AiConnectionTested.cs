namespace Pipeline.Messages.Tracks;

/// <summary>Whether the provider answered, how fast, or its error (never a key).</summary>
public sealed record AiConnectionTested(bool Success, string Provider, string Model, double LatencyMs, string? Error);
