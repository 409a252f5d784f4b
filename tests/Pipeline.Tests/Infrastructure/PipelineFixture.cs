using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pipeline.Handlers.Hosting;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// The whole system on real PostgreSQL, RabbitMQ and Redis: Edge.Api through <see cref="WebApplicationFactory{T}"/>
/// and a Handlers host in the same process, both on an isolated database, virtual host and Redis prefix.
/// </summary>
public class PipelineFixture : IAsyncLifetime
{
    public const string TestSigningKey = "test-signing-key-for-the-pipeline-test-suite-only-0123456789";

    private IHost? _handlers;

    public IsolatedInfrastructure Infrastructure { get; private set; } = null!;
    public WebApplicationFactory<Program> Api { get; private set; } = null!;

    /// <summary>
    /// True runs Edge.Api on Kestrel at a free loopback port instead of the in-memory test server, for clients that
    /// need a real socket (a browser). <see cref="BaseAddress"/> says where.
    /// </summary>
    protected virtual bool ListensOnRealPort => false;

    /// <summary>Where Edge.Api answers: http://127.0.0.1:PORT/ on Kestrel, http://localhost/ on the test server.</summary>
    public Uri BaseAddress => Api.ClientOptions.BaseAddress;

    /// <summary>Extra settings a derived fixture wants on both hosts (e.g. an AI provider).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>For a fixture that needs more than settings on Edge.Api (e.g. its log in a file).</summary>
    protected virtual void ConfigureApi(IWebHostBuilder web)
    {
    }

    /// <summary>False for a fixture whose test runs the Handlers host itself (e.g. as a child process it kills).</summary>
    protected virtual bool HostsHandlersInProcess => true;

    public IDictionary<string, string?> Settings
    {
        get
        {
            var settings = Infrastructure.Settings;
            settings["Auth:SigningKey"] = TestSigningKey;
            foreach (var (key, value) in ExtraSettings) settings[key] = value;
            return settings;
        }
    }

    public IServiceProvider HandlerServices => _handlers!.Services;

    public virtual async ValueTask InitializeAsync()
    {
        Infrastructure = await IsolatedInfrastructure.CreateAsync();
        // Explicitly, as the hosts' Programs do before they start (the factory never runs Edge.Api's past Build()).
        await Infrastructure.MigrateAsync();
        var settings = Settings;
        if (HostsHandlersInProcess)
            _handlers = await StartHandlersAsync(settings);
        Api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            ConfigureApi(web);
        });
        // Start now, so the first test does not pay for it.
        if (ListensOnRealPort)
        {
            // An explicit listener, not UseKestrel(0): the factory applies that port only to IWebHostBuilder apps, so
            // with minimal hosting Edge.Api's own default (127.0.0.1:8080) won, and two fixtures (or two test runs)
            // fought over one port. Kestrel's Listen overrides UseUrls; port 0 lets the OS choose a free one.
            Api.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            Api.StartServer();
        }
        else
        {
            _ = Api.Server;
        }
    }

    public static async Task<IHost> StartHandlersAsync(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHandlers();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    // Fresh options default to http://localhost; on Kestrel the client must go to the port the server took.
    public HttpClient CreateClient() =>
        Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress });

    public virtual async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (_handlers is not null)
        {
            await _handlers.StopAsync();
            _handlers.Dispose();
        }
        await Infrastructure.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
