using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Hosting;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

/// <summary>
/// The real Edge.Api set-up on the fixture's database plus a few endpoints guarded the way other features guard
/// theirs, so the policies are checked end to end (status, body shape) before any feature uses them.
/// </summary>
public sealed class PolicyProbe : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PolicyProbe(WebApplication app) => _app = app;

    public static async Task<PolicyProbe> StartAsync(PipelineFixture fixture)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(fixture.Settings);
        builder.WebHost.UseTestServer();
        builder.AddEdgeApi();
        var app = builder.Build();
        app.MapEdgeApi();
        var probe = app.MapGroup("/api/v1/probe");
        probe.MapGet("/whoami", (ClaimsPrincipal user) => new { user_id = user.UserId(), is_admin = user.IsAdmin(), is_guest = user.IsGuest() });
        probe.MapGet("/registered", () => "ok").RequireAuthorization(Policies.RegisteredUser);
        probe.MapGet("/instructor", () => "ok").RequireAuthorization(Policies.Instructor);
        probe.MapGet("/admin", () => "ok").RequireAuthorization(Policies.Admin);
        await app.StartAsync();
        return new PolicyProbe(app);
    }

    public HttpClient Client(string? accessToken = null)
    {
        var client = _app.GetTestClient();
        if (accessToken is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
