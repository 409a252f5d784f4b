namespace Pipeline.Handlers.Ai;

/// <summary>The provider failed in a way that may pass: 429 (with its Retry-After), 5xx, a timeout, a dropped connection.</summary>
public sealed class AiTransientException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
