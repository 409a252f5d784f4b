namespace Pipeline.Edge.Api.Realtime;

/// <summary>
/// One open stream or socket: its slot in the user's allowance, released on dispose, and a token that is cancelled when
/// the client goes away or the login session behind it is revoked (logout, refresh-token reuse).
/// </summary>
public sealed class StreamLease : IDisposable
{
    private readonly CancellationTokenSource _ended;
    private readonly Action<StreamLease> _release;
    private int _disposed;

    internal StreamLease(long userId, Guid sessionId, CancellationToken requestAborted, Action<StreamLease> release)
    {
        UserId = userId;
        SessionId = sessionId;
        _ended = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        _release = release;
    }

    public long UserId { get; }
    public Guid SessionId { get; }
    public CancellationToken Token => _ended.Token;

    internal void End()
    {
        try { _ended.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _release(this);
        _ended.Dispose();
    }
}
