using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Pipeline.ServiceDefaults.Messaging;

/// <summary>The RabbitMQ management HTTP API (queues of our virtual host): error-queue discovery and queue metrics.</summary>
public sealed class RabbitMqManagementClient
{
    private readonly HttpClient _http;
    private readonly string _virtualHost;

    public RabbitMqManagementClient(HttpClient http, IOptions<RabbitMqOptions> options)
    {
        var rabbit = options.Value;
        _http = http;
        _http.BaseAddress = new Uri($"http://{rabbit.Host}:{rabbit.ManagementPort}/api/");
        _http.Timeout = TimeSpan.FromSeconds(10);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rabbit.Username}:{rabbit.Password}")));
        _virtualHost = rabbit.VirtualHost;
    }

    public async Task<IReadOnlyList<BrokerQueue>> ListQueuesAsync(CancellationToken cancellationToken)
    {
        var path = $"queues/{Uri.EscapeDataString(_virtualHost)}?columns=name,messages,messages_ready,messages_unacknowledged,consumers";
        await using var stream = await _http.GetStreamAsync(path, cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return json.RootElement.EnumerateArray()
            .Select(q => new BrokerQueue(
                q.GetProperty("name").GetString()!,
                Long(q, "messages"), Long(q, "messages_ready"), Long(q, "messages_unacknowledged"),
                (int)Long(q, "consumers")))
            .OrderBy(q => q.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The queues of our virtual host on which a connection with this client-provided name has a consumer, as the
    /// broker sees it (its statistics trail by a few seconds).
    /// </summary>
    public async Task<IReadOnlySet<string>> QueuesConsumedByAsync(string connectionName, CancellationToken cancellationToken)
    {
        var vhost = Uri.EscapeDataString(_virtualHost);
        HashSet<string> connections;
        await using (var stream = await _http.GetStreamAsync($"vhosts/{vhost}/connections?columns=name,client_properties", cancellationToken))
        using (var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken))
            connections = json.RootElement.EnumerateArray()
                // client_properties is [] rather than {} for a connection still in its handshake.
                .Where(c => c.TryGetProperty("client_properties", out var client) && client.ValueKind == JsonValueKind.Object
                    && client.TryGetProperty("connection_name", out var name) && name.GetString() == connectionName)
                .Select(c => c.GetProperty("name").GetString()!)
                .ToHashSet();
        await using var consumers = await _http.GetStreamAsync($"consumers/{vhost}", cancellationToken);
        using var list = await JsonDocument.ParseAsync(consumers, cancellationToken: cancellationToken);
        // A consumer whose channel is closing is listed with "channel_details": [] (an empty array, not an object).
        return list.RootElement.EnumerateArray()
            .Where(c => c.TryGetProperty("channel_details", out var channel) && channel.ValueKind == JsonValueKind.Object
                && channel.TryGetProperty("connection_name", out var name) && connections.Contains(name.GetString() ?? "")
                && c.TryGetProperty("queue", out var queue) && queue.ValueKind == JsonValueKind.Object)
            .Select(c => c.GetProperty("queue").GetProperty("name").GetString()!)
            .ToHashSet();
    }

    // Counts are missing for a moment after a queue is declared.
    private static long Long(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
