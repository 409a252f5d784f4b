using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Tests.Webhooks;

/// <summary>
/// A webhook receiver on a loopback port: records every request (headers and exact body) and answers 500 to the
/// first <see cref="FailuresPerDelivery"/> attempts of each delivery (by <c>webhook-id</c>), then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public sealed record Received(string WebhookId, IReadOnlyDictionary<string, string> Headers, string Body, int StatusAnswered)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
        public string? UserId => Json.GetProperty("data").TryGetProperty("user_id", out var u) ? u.GetString() : null;
    }

    public ConcurrentQueue<Received> Requests { get; } = new();
    public int FailuresPerDelivery { get; }
    public Uri Url { get; }

    private WebhookReceiver(WebApplication app, int failuresPerDelivery, Uri url)
    {
        _app = app;
        FailuresPerDelivery = failuresPerDelivery;
        Url = url;
    }

    public static async Task<WebhookReceiver> StartAsync(int failuresPerDelivery = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var id = http.Request.Headers["webhook-id"].ToString();
            var attempt = receiver!._attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
            var status = attempt <= receiver.FailuresPerDelivery ? 500 : 200;
            receiver.Requests.Enqueue(new Received(id, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body, status));
            return Results.StatusCode(status);
        });
        // A target that points elsewhere: a sender that followed it would deliver to /hook.
        app.MapPost("/redirect", () => Results.Redirect("/hook", permanent: false, preserveMethod: true));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, failuresPerDelivery, new Uri(new Uri(address), "/hook"));
        return receiver;
    }

    /// <summary>The requests that carried events of one learner (other tests' events reach every subscription too).</summary>
    public IReadOnlyList<Received> For(long userId) => Requests.Where(r => r.UserId == userId.ToString()).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
