using System.Text.Json;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pipeline.Domain.Database;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// A database, a RabbitMQ virtual host and a Redis key prefix of its own on the shared private instances, so test
/// fixtures (and concurrent test runs) never see each other's data, queues or keys. Dropped again on dispose.
/// </summary>
public sealed class IsolatedInfrastructure : IAsyncDisposable
{
    private static readonly HttpClient Management = CreateManagementClient();

    public string Name { get; } = $"t{DateTime.UtcNow:HHmmss}_{Guid.NewGuid():N}"[..24];
    public string Database => Name;
    public string VirtualHost => Name;
    public string RedisPrefix => Name + ":";
    public string PostgresConnectionString => TestSettings.PostgresFor(Database);

    public Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:Postgres"] = PostgresConnectionString,
        ["RabbitMq:Host"] = TestSettings.RabbitHost,
        ["RabbitMq:Port"] = TestSettings.RabbitPort.ToString(),
        ["RabbitMq:ManagementPort"] = TestSettings.RabbitManagementPort.ToString(),
        ["RabbitMq:VirtualHost"] = VirtualHost,
        ["RabbitMq:Username"] = TestSettings.RabbitUser,
        ["RabbitMq:Password"] = TestSettings.RabbitPassword,
        ["Redis:Configuration"] = TestSettings.Redis,
        ["Redis:KeyPrefix"] = RedisPrefix,
        // Seed 004's starter catalogue costs a few CPU-seconds of embedding per Handlers start: only its tests load it.
        ["Resources:LoadCatalogue"] = "false",
        // Every test client shares one address: the per-address limits on sign-ups and logins are tested with their own
        // small values (Security/Limits_per_client_address.cs), not met by accident here.
        ["Pipeline:ClientLimits:GuestLogins:Limit"] = "1000000",
        ["Pipeline:ClientLimits:Registrations:Limit"] = "1000000",
        ["Pipeline:ClientLimits:Logins:Limit"] = "1000000",
        ["Pipeline:ClientLimits:Refreshes:Limit"] = "1000000",
    };

    public static async Task<IsolatedInfrastructure> CreateAsync()
    {
        var infrastructure = new IsolatedInfrastructure();
        await using (var admin = new NpgsqlConnection(TestSettings.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{infrastructure.Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        (await Management.PutAsync($"vhosts/{infrastructure.VirtualHost}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await Management.PutAsync($"permissions/{infrastructure.VirtualHost}/{TestSettings.RabbitUser}", permissions)).EnsureSuccessStatusCode();
        return infrastructure;
    }

    /// <summary>
    /// Applies the migrations to this database, as each host's Program does before it starts. Fixtures call it before
    /// starting hosts: WebApplicationFactory stops Edge.Api's Program at Build(), before its own migration step.
    /// </summary>
    public async Task MigrateAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresConnectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    /// <summary>The management API's view of this vhost's queues (an array), or of one queue when named.</summary>
    public async Task<JsonElement> QueuesAsync(string? queue = null)
    {
        var path = $"queues/{Uri.EscapeDataString(VirtualHost)}" + (queue is null ? "" : $"/{Uri.EscapeDataString(queue)}");
        using var body = JsonDocument.Parse(await Management.GetStringAsync(path));
        return body.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(TestSettings.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        await Management.DeleteAsync($"vhosts/{VirtualHost}");
    }

    private static HttpClient CreateManagementClient()
    {
        var client = new HttpClient
        {
            BaseAddress = new Uri($"http://{TestSettings.RabbitHost}:{TestSettings.RabbitManagementPort}/api/"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestSettings.RabbitAdminUser}:{TestSettings.RabbitAdminPassword}")));
        return client;
    }
}
