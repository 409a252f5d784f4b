using StackExchange.Redis;

namespace Pipeline.Domain.Database;

/// <summary>
/// What a Redis call throws when Redis is slow, restarting or gone. Redis is a cache and a counter here, never the
/// source of truth: callers treat these as "Redis unavailable" and carry on (PostgreSQL, counting in the instance).
/// StackExchange.Redis 2 reports a command it gave up on (timeout, fail-fast backlog) as a canceled task too, which a
/// catch of only RedisException and TimeoutException turned into a 500 under load. Under load, StackExchange.Redis 2.12.14
/// and newer also let its reader pipe's own InvalidOperationException ("Reading is not allowed after reader was
/// completed", StackExchange.Redis#3085) reach the caller while it restarts the connection: a registration answered 500
/// here. It is told apart by its source, the pipe, and is Redis being unavailable too.
/// </summary>
public static class RedisFailure
{
    public static bool IsUnavailable(Exception e) =>
        e is RedisException or TimeoutException or TaskCanceledException || e is InvalidOperationException { Source: "System.IO.Pipelines" };
}
