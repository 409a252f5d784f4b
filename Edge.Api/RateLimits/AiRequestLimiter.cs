using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Pipeline.ServiceDefaults.Redis;
using Pipeline.ServiceDefaults.Diagnostics;
using StackExchange.Redis;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>
/// A fixed one-minute window per user, counted in Redis so every Edge.Api instance enforces the same limit, and able to
/// say what remains (seed 003's X-RateLimit-* headers), which the framework's limiter does not expose. While Redis is
/// down each instance counts on its own rather than refusing everyone.
/// </summary>
public sealed class AiRequestLimiter(IConnectionMultiplexer redis, IOptions<RedisOptions> redisOptions, TimeProvider clock,
    ILogger<AiRequestLimiter> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (long Window, int Count)> _local = new();

    private const string CountScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return {count, redis.call('PTTL', KEYS[1])}
        """;

    public async Task<RateLimitDecision> TryAcquireAsync(string subject, int limit)
    {
        var now = clock.GetUtcNow();
        var (count, resetAt) = await CountInRedisAsync(subject, now) ?? CountLocally(subject, now);
        return new RateLimitDecision(count <= limit, limit, Math.Max(0, limit - count), resetAt);
    }

    private async Task<(int Count, DateTimeOffset ResetAt)?> CountInRedisAsync(string subject, DateTimeOffset now)
    {
        if (!redis.IsConnected) return null;
        using var activity = PipelineActivities.Redis("redis rate limit count");
        try
        {
            // StackExchange.Redis 1.x never times out an async call: a Redis that stops answering must not hang requests.
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(CountScript,
                    [$"{redisOptions.Value.KeyPrefix}ratelimit:ai:{subject}"], [(long)Window.TotalMilliseconds])
                .WaitAsync(TimeSpan.FromMilliseconds(redis.TimeoutMilliseconds)))!;
            var ttl = Math.Max(0, (long)result[1]);
            return ((int)(long)result[0], now.AddMilliseconds(ttl));
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            logger.LogDebug(e, "Rate limit count in Redis failed; counting in this instance");
            return null;
        }
    }

    private (int Count, DateTimeOffset ResetAt) CountLocally(string subject, DateTimeOffset now)
    {
        var window = now.ToUnixTimeMilliseconds() / (long)Window.TotalMilliseconds;
        var entry = _local.AddOrUpdate(subject, _ => (window, 1), (_, e) => e.Window == window ? (window, e.Count + 1) : (window, 1));
        return (entry.Count, DateTimeOffset.FromUnixTimeMilliseconds((window + 1) * (long)Window.TotalMilliseconds));
    }
}
