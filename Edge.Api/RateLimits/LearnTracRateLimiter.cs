using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Database;
using Pipeline.Domain.Diagnostics;
using StackExchange.Redis;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>
/// Seed 003's limits: one fixed window per policy and subject (user), counted in Redis so every Edge.Api instance
/// shares the count. Several policies are checked and counted together in one script: a request refused by one of them
/// (e.g. the 101st chat message) uses up none of them. Costs other than 1 count units (seconds of voice audio).
/// While Redis is unreachable (or slower than its timeout, as under heavy load) each instance counts on its own rather
/// than refusing everyone, going on from the last count Redis gave it, so a slow call does not reset a window.
/// </summary>
public sealed class LearnTracRateLimiter(IConnectionMultiplexer redis, IOptions<RedisOptions> redisOptions,
    IOptionsMonitor<LearnTracRateLimitOptions> options, TimeProvider clock, ILogger<LearnTracRateLimiter> logger)
{
    // For each key i: ARGV[3i-2] limit, ARGV[3i-1] window in ms, ARGV[3i] cost (0 = only look).
    // Answers {exceeded_1, count_1, ttl_1, exceeded_2, ...}; nothing is counted when any policy would be exceeded.
    private const string Script = """
        local refused = false
        local counts = {}
        for i = 1, #KEYS do
          local count = tonumber(redis.call('GET', KEYS[i]) or '0')
          local limit = tonumber(ARGV[3 * i - 2])
          local cost = tonumber(ARGV[3 * i])
          counts[i] = count
          if (cost > 0 and count + cost > limit) or (cost == 0 and count >= limit) then refused = true end
        end
        local out = {}
        for i = 1, #KEYS do
          local limit = tonumber(ARGV[3 * i - 2])
          local window = tonumber(ARGV[3 * i - 1])
          local cost = tonumber(ARGV[3 * i])
          local count = counts[i]
          local over = 0
          if (cost > 0 and count + cost > limit) or (cost == 0 and count >= limit) then over = 1 end
          if not refused and cost > 0 then
            count = redis.call('INCRBY', KEYS[i], cost)
          end
          local ttl = redis.call('PTTL', KEYS[i])
          if ttl < 0 then
            if count > 0 then redis.call('PEXPIRE', KEYS[i], window) end
            ttl = window
          end
          out[#out + 1] = over
          out[#out + 1] = count
          out[#out + 1] = ttl
        end
        return out
        """;

    /// <summary>Windows kept in this instance beyond which the ended ones are dropped (one per active user and policy).</summary>
    private const int LocalWindowsBeforePruning = 10_000;

    private readonly ConcurrentDictionary<string, (long Window, long Count, long EndsAtMs)> _local = new();
    private long _nextPruneMs;

    /// <summary>Counts <paramref name="cost"/> against each policy for <paramref name="subject"/>, unless one of them is exhausted.</summary>
    public Task<IReadOnlyList<PolicyDecision>> AcquireAsync(string subject, IReadOnlyList<string> policies, int cost = 1) =>
        AcquireAsync(subject, policies.Select(p => new NamedRateLimit($"learntrac:{p}", p, options.CurrentValue.For(p))).ToList(), cost);

    /// <summary>The same for limits other features define (per client address, the global AI budget).</summary>
    public async Task<IReadOnlyList<PolicyDecision>> AcquireAsync(string subject, IReadOnlyList<NamedRateLimit> limits, int cost = 1)
    {
        var now = clock.GetUtcNow();
        var settings = limits.Select(l => l.Settings).ToArray();
        var keys = limits.Select(l => $"{redisOptions.Value.KeyPrefix}ratelimit:{l.KeyName}:{subject}").ToArray();
        var counted = await CountInRedisAsync(keys, settings, cost);
        if (counted is not null) RememberLocally(keys, settings, counted, now);
        else counted = CountLocally(keys, settings, cost, now);
        return limits.Select((l, i) => new PolicyDecision(l.Policy, settings[i].Limit, (int)Math.Max(0, settings[i].Limit - counted[i].Count),
            settings[i].Window, now.AddMilliseconds(counted[i].TtlMs), counted[i].Over)).ToList();
    }

    private async Task<(bool Over, long Count, long TtlMs)[]?> CountInRedisAsync(string[] keys, RateLimitPolicyOptions[] settings, int cost)
    {
        if (!redis.IsConnected) return null;
        using var activity = PipelineActivities.Redis("redis learntrac rate limit");
        try
        {
            var args = settings.SelectMany(s => new RedisValue[] { s.Limit, (long)s.Window.TotalMilliseconds, cost }).ToArray();
            // StackExchange.Redis 1.x never times out an async call: a Redis that stops answering must not hang requests.
            var result = (RedisResult[])(await redis.GetDatabase()
                .ScriptEvaluateAsync(Script, keys.Select(k => (RedisKey)k).ToArray(), args)
                .WaitAsync(TimeSpan.FromMilliseconds(redis.TimeoutMilliseconds)))!;
            return keys.Select((_, i) => ((long)result[3 * i] == 1, (long)result[3 * i + 1], (long)result[3 * i + 2])).ToArray();
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            logger.LogDebug(e, "Rate limit count in Redis failed; counting in this instance");
            return null;
        }
    }

    /// <summary>Keeps Redis's counts (the truth) as this instance's, so a fallback goes on from them instead of from zero.</summary>
    private void RememberLocally(string[] keys, RateLimitPolicyOptions[] settings, (bool Over, long Count, long TtlMs)[] counted, DateTimeOffset now)
    {
        lock (_local)
        {
            var nowMs = now.ToUnixTimeMilliseconds();
            for (var i = 0; i < keys.Length; i++)
            {
                var windowMs = (long)settings[i].Window.TotalMilliseconds;
                var window = nowMs / windowMs;
                _local[keys[i]] = (window, counted[i].Count, (window + 1) * windowMs);
            }
            if (_local.Count > LocalWindowsBeforePruning && nowMs >= _nextPruneMs)
            {
                _nextPruneMs = nowMs + 10_000;
                foreach (var (key, entry) in _local)
                    if (entry.EndsAtMs <= nowMs) _local.TryRemove(key, out _);
            }
        }
    }

    private (bool Over, long Count, long TtlMs)[] CountLocally(string[] keys, RateLimitPolicyOptions[] settings, int cost, DateTimeOffset now)
    {
        lock (_local)
        {
            var nowMs = now.ToUnixTimeMilliseconds();
            var current = keys.Select((k, i) =>
            {
                var windowMs = (long)settings[i].Window.TotalMilliseconds;
                var window = nowMs / windowMs;
                var count = _local.TryGetValue(k, out var e) && e.Window == window ? e.Count : 0;
                return (Window: window, WindowMs: windowMs, Count: count);
            }).ToArray();
            var over = current.Select((c, i) => cost > 0 ? c.Count + cost > settings[i].Limit : c.Count >= settings[i].Limit).ToArray();
            var refused = over.Any(o => o);
            return keys.Select((k, i) =>
            {
                var count = current[i].Count;
                if (!refused && cost > 0) _local[k] = (current[i].Window, count += cost, (current[i].Window + 1) * current[i].WindowMs);
                return (over[i], count, (current[i].Window + 1) * current[i].WindowMs - nowMs);
            }).ToArray();
        }
    }
}
