using System.Net;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Faults;

/// <summary>
/// The whole system in process with PostgreSQL behind a <see cref="TcpForwarder"/>: cutting the relay is, for this
/// fixture's hosts, a database that restarts (connections reset, new ones refused), while the shared instance and
/// every other fixture carry on. Sessions are checked on every request, so the check's fallback is what a test sees.
/// </summary>
public sealed class PostgresRelayFixture : PipelineFixture
{
    public TcpForwarder Relay { get; private set; } = null!;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(Infrastructure.PostgresConnectionString) { Port = Relay.Port }.ConnectionString,
        ["Auth:ActiveSessionCacheSeconds"] = "0",
    };

    public override async ValueTask InitializeAsync()
    {
        var postgres = new NpgsqlConnectionStringBuilder(TestSettings.PostgresAdmin);
        Relay = TcpForwarder.Start(new IPEndPoint(IPAddress.Parse(postgres.Host!), postgres.Port));
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        Relay.Restore(); // the hosts stop cleanly only with their database
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await Relay.DisposeAsync();
        }
    }
}
