using System.ComponentModel.DataAnnotations;

namespace Pipeline.ServiceDefaults.Messaging;

public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int Port { get; set; } = 5672;
    [Range(1, 65535)] public int ManagementPort { get; set; } = 15672;
    [Required] public string VirtualHost { get; set; } = "/";
    [Required] public string Username { get; set; } = "guest";
    [Required] public string Password { get; set; } = "guest";

    /// <summary>
    /// A receive endpoint that has not consumed again this long after a fault, while the broker accepts connections,
    /// makes <see cref="ReceiveEndpointWatchdog"/> stop the host for its supervisor to start a fresh one. 0 switches the
    /// watchdog off.
    /// </summary>
    [Range(0, 3600)] public int EndpointRecoverySeconds { get; set; } = 60;
}
