using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Webhooks;

public static class WebhookApi
{
    public const string Secret = "webhook_secret_key";

    public static async Task<string> RegisterAsync(this TestUser instructor, Uri url, params string[] events)
    {
        var response = await instructor.Client.PostAsJsonAsync("/api/learntrac/v1/webhooks", new { url = url.ToString(), events, secret = Secret, active = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("webhook_id").GetString()!;
    }

    public static async Task<JsonElement> DeliveriesAsync(this TestUser instructor, string webhookId) =>
        await (await instructor.Client.GetAsync($"/api/learntrac/v1/webhooks/{webhookId}/deliveries")).JsonAsync();

    public static Task PublishAsync<T>(this PipelineFixture fixture, T message) where T : class =>
        fixture.HandlerServices.GetRequiredService<IBus>().Publish(message);

    public static string Sha256Hex(string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));

    public static string StandardWebhooks(string id, string timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
}
