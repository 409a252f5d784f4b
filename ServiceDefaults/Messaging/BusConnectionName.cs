namespace Pipeline.ServiceDefaults.Messaging;

/// <summary>
/// The client-provided name of this host's broker connection, unique per host instance (process name, machine, pid and
/// a random part), so the broker's management API can tell which consumers are this instance's.
/// </summary>
public sealed record BusConnectionName(string Value)
{
    public static BusConnectionName ForThisInstance() =>
        new($"{AppDomain.CurrentDomain.FriendlyName} {Environment.MachineName}:{Environment.ProcessId} {Guid.NewGuid().ToString("N")[..8]}");
}
