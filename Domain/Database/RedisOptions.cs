using System.ComponentModel.DataAnnotations;

namespace Pipeline.Domain.Database;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    [Required] public string Configuration { get; set; } = "127.0.0.1:6379";

    /// <summary>Prefix for every key and channel, so several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "pipeline:";
}
