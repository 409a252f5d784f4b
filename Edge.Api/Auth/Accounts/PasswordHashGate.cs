namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>
/// At most one password hash computation per core at a time. A hash is ~100 ms of CPU by design; a burst of logins or
/// registrations would otherwise take every core (health checks and status polls then wait) and, coming out of the
/// hash together, open a burst of new database connections at once. Waiting callers queue here, cheaply.
/// </summary>
public sealed class PasswordHashGate
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount));

    public async Task<T> RunAsync<T>(Func<T> hash, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return hash();
        }
        finally
        {
            _slots.Release();
        }
    }
}
