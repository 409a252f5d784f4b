using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Database;
using StackExchange.Redis;

namespace Pipeline.Domain.Tasks;

/// <summary>One Redis hash per task (owner, status, JSON body) and one pub/sub channel per task for live progress.</summary>
public sealed class RedisTaskStatusCache(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisTaskStatusCache> logger)
    : ITaskStatusCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private static readonly RedisValue[] Fields = ["user_id", "status", "json"];
    private readonly string _prefix = options.Value.KeyPrefix;

    public async Task<CachedTaskStatus?> TryGetAsync(string taskId)
    {
        // While Redis is down, go straight to PostgreSQL instead of waiting for a timeout on every poll.
        if (!redis.IsConnected) return null;
        try
        {
            var values = await redis.GetDatabase().HashGetAsync(Key(taskId), Fields);
            if (values[0].IsNull || values[2].IsNull) return null;
            return new CachedTaskStatus((long)values[0], values[1]!, values[2]!);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogDebug(e, "Task status cache read failed; falling back to PostgreSQL");
            return null;
        }
    }

    public async Task SetAndPublishAsync(TaskStatusRecord status)
    {
        if (!redis.IsConnected) return;
        var json = TaskStatusJson.Serialize(status);
        try
        {
            var database = redis.GetDatabase();
            var key = Key(status.TaskId);
            // A status only replaces an older one: parallel workers commit out of order, and progress never moves back.
            var written = (long)await database.ScriptEvaluateAsync(WriteIfNewerScript,
                [key],
                [status.UserId, status.Status, json, status.UpdatedAt.ToUnixTimeMilliseconds(), (long)Lifetime.TotalSeconds]);
            if (written == 1)
                await redis.GetSubscriber().PublishAsync(Channel(status.TaskId), json);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Task status cache write failed for {TaskId}: {Error}", status.TaskId, e.Message);
        }
    }

    public async Task<IAsyncDisposable> SubscribeAsync(string taskId, Func<string, Task> onChange)
    {
        var subscriber = redis.GetSubscriber();
        var channel = Channel(taskId);
        Action<RedisChannel, RedisValue> handler = (_, message) => onChange(message!);
        await subscriber.SubscribeAsync(channel, handler);
        return new Subscription(subscriber, channel, handler);
    }

    private RedisKey Key(string taskId) => $"{_prefix}task:{taskId}";
    private RedisChannel Channel(string taskId) => $"{_prefix}task-events:{taskId}";

    private const string WriteIfNewerScript = """
        local current = tonumber(redis.call('HGET', KEYS[1], 'updated') or '0')
        if current > tonumber(ARGV[4]) then return 0 end
        redis.call('HSET', KEYS[1], 'user_id', ARGV[1], 'status', ARGV[2], 'json', ARGV[3], 'updated', ARGV[4])
        redis.call('EXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    private sealed class Subscription(ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> handler) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try { await subscriber.UnsubscribeAsync(channel, handler); }
            catch (Exception e) when (e is RedisException or TimeoutException) { /* the connection is gone, and the subscription with it */ }
        }
    }
}
