using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pipeline.Edge.Api.Hosting;

namespace Pipeline.BenchSetup;

/// <summary>
/// Where an in-process benchmark runs its hosts: its own database (<see cref="BenchDatabase"/>), a RabbitMQ vhost of the
/// same name (the administrator scripts/infra.sh exports creates it, the hosts' broker user gets rights on it) and Redis
/// key prefix, and the settings the hosts start with. Disposing stops the hosts it started (last first), deletes the
/// vhost and drops the database.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly HttpClient _management;
    private readonly Stack<IHost> _hosts = new();

    private BenchEnvironment(BenchDatabase database, HttpClient management, int port, IReadOnlyDictionary<string, string?> settings)
    {
        Database = database;
        _management = management;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Settings = settings;
    }

    public BenchDatabase Database { get; }

    public string Name => Database.Name;

    /// <summary>Where Edge.Api listens once <see cref="StartEdgeAsync"/> has started it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The hosts' configuration: database, vhost, Redis prefix, signing key, port, quiet logs, and the benchmark's own.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <param name="name">the database, vhost and Redis prefix</param>
    /// <param name="command">the bench.sh command ("chat")</param>
    /// <param name="port">Edge.Api's HTTP port</param>
    /// <param name="settings">the benchmark's own settings (rate limits, providers), over the common ones</param>
    public static async Task<BenchEnvironment> CreateAsync(string name, string command, int port, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await BenchDatabase.CreateAsync(name, command);
        var management = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{Environment.GetEnvironmentVariable("RabbitMq__ManagementPort") ?? "55673"}"),
        };
        var common = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString(),
            ["RabbitMq:VirtualHost"] = name,
            ["Redis:KeyPrefix"] = name + ":",
            ["Auth:SigningKey"] = $"{command}-bench-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            ["PIPELINE_HTTP_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) common[key] = value;
        var environment = new BenchEnvironment(database, management, port, common);
        try
        {
            // The administrator creates the vhost; the hosts' own user (scripts/infra.sh exports both) gets rights on it.
            var user = Environment.GetEnvironmentVariable("RabbitMq__Username") ?? "guest";
            var admin = $"{Environment.GetEnvironmentVariable("PIPELINE_RABBIT_ADMIN_USER") ?? user}:" +
                (Environment.GetEnvironmentVariable("PIPELINE_RABBIT_ADMIN_PASSWORD") ?? Environment.GetEnvironmentVariable("RabbitMq__Password") ?? "guest");
            management.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(admin)));
            (await management.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
            (await management.PutAsJsonAsync($"/api/permissions/{name}/{user}", new { configure = ".*", write = ".*", read = ".*" }))
                .EnsureSuccessStatusCode();
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
        return environment;
    }

    /// <summary>Edge.Api on <see cref="BaseAddress"/>, as Edge.Api's Program builds it, with <see cref="Settings"/>.</summary>
    public async Task<WebApplication> StartEdgeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.AddEdgeApi();
        var edge = builder.Build();
        edge.MapEdgeApi();
        await StartAsync(edge);
        return edge;
    }

    /// <summary>A generic host with <see cref="Settings"/> and what <paramref name="add"/> registers (Handlers:
    /// <c>b => b.AddHandlers()</c>, which brings the host wiring and data access itself).</summary>
    public async Task<IHost> StartHostAsync(Action<HostApplicationBuilder> add)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Settings);
        add(builder);
        var host = builder.Build();
        await StartAsync(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        while (_hosts.TryPop(out var host))
        {
            await host.StopAsync();
            if (host is IAsyncDisposable asynchronous) await asynchronous.DisposeAsync();
            else host.Dispose();
        }
        try
        {
            await _management.DeleteAsync($"/api/vhosts/{Name}");
        }
        finally
        {
            _management.Dispose();
            await Database.DisposeAsync();
        }
    }

    private async Task StartAsync(IHost host)
    {
        _hosts.Push(host);
        await host.StartAsync();
    }
}
