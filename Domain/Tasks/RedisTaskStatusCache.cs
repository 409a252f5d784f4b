using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.ServiceDefaults.Redis;
using Pipeline.ServiceDefaults.Diagnostics;
using Pipeline.Domain.Realtime;
using StackExchange.Redis;

namespace Pipeline.Domain.Tasks;

/// <summary>
/// One Redis hash per task (owner, status, JSON body) and one pub/sub channel per task for live progress.
/// <para>
/// Redis is only a cache, so no call may wait on it for long: a Redis that stops answering without closing its
/// connections (paused, stuck, or cut off by the network) must not hold up status polls, live-progress streams or saga
/// transitions. StackExchange.Redis times every call out itself (<c>asyncTimeout</c>, checked every
/// <c>HeartbeatInterval</c>; both set in ServiceDefaultsRegistration, and commands fail at once while disconnected), and
/// once a call has timed out, Redis is skipped for <see cref="BackOff"/>: callers go straight to PostgreSQL instead of
/// piling more calls onto a connection that does not answer. After that one call tries Redis again.
/// </para>
/// <para>
/// A final status (completed, failed, timeout, canceled) whose write is skipped or fails is kept and written (and
/// announced on the task's channel) again once Redis answers, every <see cref="RetryEvery"/>: live subscribers learn
/// that the task ended even when its last change fell into an outage and nobody polls the task afterwards.
/// </para>
/// </summary>
public sealed class RedisTaskStatusCache : ITaskStatusCache, IDisposable
{
    /// <summary>How long Redis is left alone after a call ran over its time.</summary>
    public static readonly TimeSpan BackOff = TimeSpan.FromSeconds(5);

    /// <summary>How often final statuses that missed Redis are written again (while Redis is usable).</summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    /// <summary>Final statuses kept for a later write at most; beyond that the oldest are left to PostgreSQL and the readers.</summary>
    private const int MaxUnwritten = 10_000;

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private static readonly RedisValue[] Fields = ["user_id", "status", "json", "cached"];
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisTaskStatusCache> _logger;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, TaskStatusRecord> _unwrittenFinals = new();
    private readonly Timer _retry;
    private int _retrying;
    private long _skipUntil; // Environment.TickCount64

    public RedisTaskStatusCache(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisTaskStatusCache> logger)
    {
        _redis = redis;
        _logger = logger;
        _prefix = options.Value.KeyPrefix;
        _retry = new Timer(_ => _ = WriteUnwrittenFinalsAsync(), null, RetryEvery, RetryEvery);
    }

    /// <summary>Final statuses waiting for Redis (for tests and diagnostics).</summary>
    public int UnwrittenFinalStatuses => _unwrittenFinals.Count;

    /// <summary>False while Redis is disconnected or backing off after a call that ran over its time.</summary>
    private bool Usable => _redis.IsConnected && Environment.TickCount64 >= Interlocked.Read(ref _skipUntil);

    public async Task<CachedTaskStatus?> TryGetAsync(string taskId, bool lastResort = false)
    {
        // While Redis is down, go straight to PostgreSQL instead of waiting for a timeout on every poll.
        if (!(lastResort ? _redis.IsConnected : Usable)) return null;
        using var activity = PipelineActivities.Redis("redis status read");
        try
        {
            var values = await _redis.GetDatabase().HashGetAsync(Key(taskId), Fields);
            if (values[0].IsNull || values[2].IsNull) return null;
            // Entries written before "cached" existed count as old: the reader checks them against PostgreSQL once.
            var cachedAt = values[3].IsNull ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeMilliseconds((long)values[3]);
            return new CachedTaskStatus((long)values[0], values[1]!, values[2]!, cachedAt);
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            BackOffAfterTimeout(e);
            _logger.LogDebug(e, "Task status cache read failed; falling back to PostgreSQL");
            return null;
        }
    }

    public async Task SetAndPublishAsync(TaskStatusRecord status, bool evenWhileBackingOff = false)
    {
        if (!(evenWhileBackingOff ? _redis.IsConnected : Usable))
        {
            KeepIfFinal(status);
            return;
        }
        if (await TryWriteAsync(status)) _unwrittenFinals.TryRemove(new KeyValuePair<string, TaskStatusRecord>(status.TaskId, status));
        else KeepIfFinal(status);
    }

    /// <returns>False when the write failed (it is logged).</returns>
    private async Task<bool> TryWriteAsync(TaskStatusRecord status)
    {
        var json = TaskStatusJson.Serialize(status);
        using var activity = PipelineActivities.Redis("redis status write");
        try
        {
            var database = _redis.GetDatabase();
            var key = Key(status.TaskId);
            // A status only replaces an older one: parallel workers commit out of order, and progress never moves back.
            // The same one again (a reader refilling from PostgreSQL) only records that the copy was confirmed now.
            // A newer status is announced on the task's channel by the script itself: one round trip, on every saga step.
            await database.ScriptEvaluateAsync(WriteIfNewerScript,
                [key],
                [status.UserId, status.Status, json, status.UpdatedAt.ToUnixTimeMilliseconds(), (long)Lifetime.TotalSeconds,
                    DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (string)Channel(status.TaskId)!,
                    $"{_prefix}realtime:{status.UserId}", RealtimeFeed.RetentionMinutes * 60]);
            return true;
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            BackOffAfterTimeout(e);
            _logger.LogWarning("Task status cache write failed for {TaskId}: {Error}", status.TaskId, e.Message);
            return false;
        }
    }

    /// <summary>A final status that missed Redis is written again later; a newer one for the task replaces it.</summary>
    private void KeepIfFinal(TaskStatusRecord status)
    {
        if (!TaskStatuses.IsFinal(status.Status)) return;
        if (_unwrittenFinals.Count >= MaxUnwritten && !_unwrittenFinals.ContainsKey(status.TaskId)) return;
        _unwrittenFinals.AddOrUpdate(status.TaskId, status, (_, kept) => kept.UpdatedAt > status.UpdatedAt ? kept : status);
    }

    /// <summary>Writes (and announces) the kept final statuses once Redis is usable; the script ignores any that are no longer newest.</summary>
    private async Task WriteUnwrittenFinalsAsync()
    {
        if (_unwrittenFinals.IsEmpty || !Usable || Interlocked.Exchange(ref _retrying, 1) == 1) return;
        try
        {
            foreach (var (taskId, status) in _unwrittenFinals)
            {
                if (!Usable) return;
                if (await TryWriteAsync(status)) _unwrittenFinals.TryRemove(new KeyValuePair<string, TaskStatusRecord>(taskId, status));
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Writing final task statuses that missed Redis failed; trying again");
        }
        finally
        {
            Volatile.Write(ref _retrying, 0);
        }
    }

    public void Dispose() => _retry.Dispose();

    public async Task<IAsyncDisposable> SubscribeAsync(string taskId, Func<string, Task> onChange)
    {
        if (!Usable)
            throw new InvalidOperationException("Redis is not available for live progress.");
        var subscriber = _redis.GetSubscriber();
        var channel = Channel(taskId);
        Action<RedisChannel, RedisValue> handler = (_, message) => onChange(message!);
        try
        {
            await subscriber.SubscribeAsync(channel, handler);
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            BackOffAfterTimeout(e);
            // The handler is registered locally before Redis confirms, and would be subscribed again on reconnect: take
            // it back, so it does not outlive the caller, who moves on without it.
            subscriber.Unsubscribe(channel, handler, CommandFlags.FireAndForget);
            throw;
        }
        return new Subscription(this, subscriber, channel, handler);
    }

    private RedisKey Key(string taskId) => $"{_prefix}task:{taskId}";
    private RedisChannel Channel(string taskId) => RedisChannel.Literal($"{_prefix}task-events:{taskId}");

    /// <summary>A call that timed out starts the back-off; one that failed otherwise (disconnected) needs none.</summary>
    private void BackOffAfterTimeout(Exception exception)
    {
        if (exception is not TimeoutException) return;
        var now = Environment.TickCount64;
        var previous = Interlocked.Exchange(ref _skipUntil, now + (long)BackOff.TotalMilliseconds);
        if (previous <= now)
            _logger.LogWarning("Redis did not answer within {Timeout} ms; task statuses go to and come from PostgreSQL only for the next {BackOff} s",
                _redis.TimeoutMilliseconds, BackOff.TotalSeconds);
    }

    // 0: a newer status is cached (nothing written); 1: written and announced; 2: the same status, confirmed as of now.
    // A newer status is also a "task" frame on the user's realtime feed (seed 004's /api/v1/realtime/ws; RealtimeFeed),
    // appended in the same script so the feed and the cache never disagree about what changed.
    private const string WriteIfNewerScript = RealtimeFeed.AddEntryLua + "\n" + """
        local current = redis.call('HMGET', KEYS[1], 'updated', 'json')
        local updated = tonumber(current[1] or '0')
        if updated > tonumber(ARGV[4]) then return 0 end
        if updated == tonumber(ARGV[4]) and current[2] == ARGV[3] then
            redis.call('HSET', KEYS[1], 'cached', ARGV[6])
            redis.call('EXPIRE', KEYS[1], ARGV[5])
            return 2
        end
        redis.call('HSET', KEYS[1], 'user_id', ARGV[1], 'status', ARGV[2], 'json', ARGV[3], 'updated', ARGV[4], 'cached', ARGV[6])
        redis.call('EXPIRE', KEYS[1], ARGV[5])
        redis.call('PUBLISH', ARGV[7], ARGV[3])
        realtime_add(ARGV[8], ARGV[8], 'task', ARGV[3], ARGV[9])
        return 1
        """;

    private sealed class Subscription(RedisTaskStatusCache cache, ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> handler)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try { await subscriber.UnsubscribeAsync(channel, handler); }
            catch (Exception e) when (RedisFailure.IsUnavailable(e))
            {
                // The handler is gone locally either way; the connection (and the server's subscription) may be too.
                cache.BackOffAfterTimeout(e);
            }
        }
    }
}
