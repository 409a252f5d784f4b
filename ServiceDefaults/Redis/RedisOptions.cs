using System.ComponentModel.DataAnnotations;

namespace Pipeline.ServiceDefaults.Redis;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    [Required] public string Configuration { get; set; } = "127.0.0.1:6379";

    /// <summary>Prefix for every key and channel, so several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "pipeline:";

    /// <summary>
    /// How long a cached status of a task that can still change (anything but completed or canceled) is served without
    /// asking PostgreSQL. A cache write can be missed (Redis slow or away at that moment, a worker killed between commit
    /// and write); this bounds how long a poll can lag the truth after that. While PostgreSQL is unreachable an older
    /// cached status is served anyway: better late than an error.
    /// </summary>
    [Range(0, 3600)] public double StatusMaxAgeSeconds { get; set; } = 2;
}
