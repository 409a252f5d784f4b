using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Auth.Sessions;

namespace Pipeline.Edge.Api.Realtime;

/// <summary>
/// The streams and sockets open on this instance: at most <see cref="StreamOptions.MaxPerUser"/> per user (one user held
/// 300 event streams on one task), and every one ends soon after its login session is revoked (a stream kept sending
/// after its session logged out). The check runs every <see cref="StreamOptions.SessionCheckSeconds"/>, once per session.
/// </summary>
public sealed class OpenStreams(IOptions<StreamOptions> options, ActiveSessions sessions, ILogger<OpenStreams> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<StreamLease, byte> _open = new();
    private readonly ConcurrentDictionary<long, int> _perUser = new();

    /// <summary>A lease for one more stream of the caller, or null when they already hold their allowance here.</summary>
    public StreamLease? TryOpen(ClaimsPrincipal user, CancellationToken requestAborted)
    {
        var userId = user.UserId();
        var max = options.Value.MaxPerUser;
        while (true)
        {
            var count = _perUser.GetOrAdd(userId, 0);
            if (count >= max) return null;
            if (_perUser.TryUpdate(userId, count + 1, count)) break;
        }
        var lease = new StreamLease(userId, user.SessionId(), requestAborted, Release);
        _open[lease] = 0;
        return lease;
    }

    public int OpenFor(long userId) => _perUser.TryGetValue(userId, out var count) ? count : 0;

    private void Release(StreamLease lease)
    {
        _open.TryRemove(lease, out _);
        _perUser.AddOrUpdate(lease.UserId, 0, (_, count) => Math.Max(0, count - 1));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SessionCheckSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var session in _open.Keys.GroupBy(l => l.SessionId))
                {
                    bool active;
                    try
                    {
                        active = await sessions.IsActiveAsync(session.Key, stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        continue; // the database is unreachable: keep the streams, check again next time
                    }
                    if (active) continue;
                    logger.LogInformation("Ending {Count} stream(s) of a revoked session", session.Count());
                    foreach (var lease in session) lease.End();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
