using StackExchange.Redis;

namespace Pipeline.ServiceDefaults.Redis;

/// <summary>
/// What a Redis call throws when Redis is slow, restarting or gone. Redis is a cache and a counter here, never the
/// source of truth: callers treat these as "Redis unavailable" and carry on (PostgreSQL, counting in the instance).
/// StackExchange.Redis 2 reports a command it gave up on (timeout, fail-fast backlog) as a canceled task too, which a
/// catch of only RedisException and TimeoutException turned into a 500 under load.
/// </summary>
public static class RedisFailure
{
    public static bool IsUnavailable(Exception e) => e is RedisException or TimeoutException or TaskCanceledException;
}
