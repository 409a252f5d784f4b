using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Database;
using Pipeline.Domain.Diagnostics;
using Pipeline.Domain.Realtime;
using StackExchange.Redis;

namespace Pipeline.Domain.Tasks;

/// <summary>
/// One Redis hash per task (owner, status, JSON body) and one pub/sub channel per task for live progress.
/// <para>
/// Redis is only a cache, so no call may wait on it for long. StackExchange.Redis 1.x never times out an async call: a
/// Redis that stops answering without closing its connections (paused, stuck, or cut off by the network) would hang
/// every status poll, every live-progress stream and every saga transition until it came back. So every call here is
/// bounded by the connection's timeout (<c>syncTimeout</c>, <see cref="IConnectionMultiplexer.TimeoutMilliseconds"/>),
/// and once a call runs over it, Redis is skipped for <see cref="BackOff"/>: callers go straight to PostgreSQL instead
/// of piling more calls onto a connection that does not answer. After that one call tries Redis again.
/// </para>
/// </summary>
public sealed class RedisTaskStatusCache(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisTaskStatusCache> logger)
    : ITaskStatusCache
{
    /// <summary>How long Redis is left alone after a call ran over its time.</summary>
    public static readonly TimeSpan BackOff = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private static readonly RedisValue[] Fields = ["user_id", "status", "json", "cached"];
    private readonly string _prefix = options.Value.KeyPrefix;
    private readonly TimeSpan _timeout = TimeSpan.FromMilliseconds(Math.Max(1, redis.TimeoutMilliseconds));
    private long _skipUntil; // Environment.TickCount64

    /// <summary>False while Redis is disconnected or backing off after a call that ran over its time.</summary>
    private bool Usable => redis.IsConnected && Environment.TickCount64 >= Interlocked.Read(ref _skipUntil);

    public async Task<CachedTaskStatus?> TryGetAsync(string taskId, bool lastResort = false)
    {
        // While Redis is down, go straight to PostgreSQL instead of waiting for a timeout on every poll.
        if (!(lastResort ? redis.IsConnected : Usable)) return null;
        using var activity = PipelineActivities.Redis("redis status read");
        try
        {
            // The last resort is the only answer left (PostgreSQL is unreachable): it may wait a little longer.
            var values = await BoundedAsync(redis.GetDatabase().HashGetAsync(Key(taskId), Fields), lastResort ? 4 : 1);
            if (values[0].IsNull || values[2].IsNull) return null;
            // Entries written before "cached" existed count as old: the reader checks them against PostgreSQL once.
            var cachedAt = values[3].IsNull ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeMilliseconds((long)values[3]);
            return new CachedTaskStatus((long)values[0], values[1]!, values[2]!, cachedAt);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogDebug(e, "Task status cache read failed; falling back to PostgreSQL");
            return null;
        }
    }

    public async Task SetAndPublishAsync(TaskStatusRecord status, bool evenWhileBackingOff = false)
    {
        if (!(evenWhileBackingOff ? redis.IsConnected : Usable)) return;
        var json = TaskStatusJson.Serialize(status);
        using var activity = PipelineActivities.Redis("redis status write");
        try
        {
            var database = redis.GetDatabase();
            var key = Key(status.TaskId);
            // A status only replaces an older one: parallel workers commit out of order, and progress never moves back.
            // The same one again (a reader refilling from PostgreSQL) only records that the copy was confirmed now.
            // A newer status is announced on the task's channel by the script itself: one round trip, on every saga step.
            await BoundedAsync(database.ScriptEvaluateAsync(WriteIfNewerScript,
                [key],
                [status.UserId, status.Status, json, status.UpdatedAt.ToUnixTimeMilliseconds(), (long)Lifetime.TotalSeconds,
                    DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (string)Channel(status.TaskId)!,
                    $"{_prefix}realtime:{status.UserId}", RealtimeFeed.RetentionMinutes * 60]));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Task status cache write failed for {TaskId}: {Error}", status.TaskId, e.Message);
        }
    }

    public async Task<IAsyncDisposable> SubscribeAsync(string taskId, Func<string, Task> onChange)
    {
        if (!Usable)
            throw new InvalidOperationException("Redis is not available for live progress.");
        var subscriber = redis.GetSubscriber();
        var channel = Channel(taskId);
        Action<RedisChannel, RedisValue> handler = (_, message) => onChange(message!);
        var subscribing = subscriber.SubscribeAsync(channel, handler);
        try
        {
            await BoundedAsync(subscribing);
        }
        catch (TimeoutException)
        {
            // The subscription may still go through once Redis answers: take it back then, so the handler does not
            // outlive the caller, who has moved on without it.
            Observe(subscribing.ContinueWith(_ => subscriber.UnsubscribeAsync(channel, handler), TaskScheduler.Default).Unwrap());
            throw;
        }
        return new Subscription(this, subscriber, channel, handler);
    }

    private RedisKey Key(string taskId) => $"{_prefix}task:{taskId}";
    private RedisChannel Channel(string taskId) => $"{_prefix}task-events:{taskId}";

    private async Task<T> BoundedAsync<T>(Task<T> call, int timeouts = 1)
    {
        await BoundedAsync((Task)call, timeouts);
        return await call;
    }

    /// <summary>Waits for a Redis call at most the connection's timeout (times <paramref name="timeouts"/>); a call that runs over starts the back-off.</summary>
    private async Task BoundedAsync(Task call, int timeouts = 1)
    {
        try
        {
            await call.WaitAsync(_timeout * timeouts);
        }
        catch (TimeoutException)
        {
            Observe(call);
            BackOffFromRedis();
            throw;
        }
    }

    private void BackOffFromRedis()
    {
        var now = Environment.TickCount64;
        var previous = Interlocked.Exchange(ref _skipUntil, now + (long)BackOff.TotalMilliseconds);
        if (previous <= now)
            logger.LogWarning("Redis did not answer within {Timeout} ms; task statuses go to and come from PostgreSQL only for the next {BackOff} s",
                _timeout.TotalMilliseconds, BackOff.TotalSeconds);
    }

    /// <summary>A call given up on may still fail later: observe it, so its exception is not reported as unobserved.</summary>
    private static void Observe(Task call) =>
        call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

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
            try { await cache.BoundedAsync(subscriber.UnsubscribeAsync(channel, handler)); }
            catch (Exception e) when (e is RedisException or TimeoutException) { /* the connection is gone, and the subscription with it */ }
        }
    }
}
