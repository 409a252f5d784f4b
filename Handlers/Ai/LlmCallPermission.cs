namespace Pipeline.Handlers.Ai;

/// <summary>
/// Lets the work that needs an LLM call veto it at the last moment: the check runs once the call holds its
/// concurrency slot, just before the request goes out. Card generation for a canceled task may have queued behind the
/// limiter long before the cancel; this is what keeps it from calling the provider anyway. The check flows with the
/// async call (AsyncLocal), so it applies only to calls made on behalf of the work that set it.
/// </summary>
public static class LlmCallPermission
{
    private static readonly AsyncLocal<Func<CancellationToken, Task<bool>>?> Check = new();

    /// <summary>Calls made inside the returned scope happen only while <paramref name="isAllowed"/> answers true.</summary>
    public static IDisposable OnlyWhile(Func<CancellationToken, Task<bool>> isAllowed)
    {
        var previous = Check.Value;
        Check.Value = isAllowed;
        return new Scope(previous);
    }

    /// <exception cref="LlmCallRefusedException">The work that asked for the call no longer wants it.</exception>
    public static async Task EnsureAllowedAsync(CancellationToken cancellationToken)
    {
        if (Check.Value is { } isAllowed && !await isAllowed(cancellationToken))
            throw new LlmCallRefusedException();
    }

    private sealed class Scope(Func<CancellationToken, Task<bool>>? previous) : IDisposable
    {
        public void Dispose() => Check.Value = previous;
    }
}
