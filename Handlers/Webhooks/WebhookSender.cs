using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Webhooks;

namespace Pipeline.Handlers.Webhooks;

/// <summary>
/// Makes one attempt of a delivery: POSTs the stored body with both signatures. Connections are checked where they
/// land (the address actually connected to, after DNS), redirects are not followed and no proxy is used, so a target
/// cannot reach loopback, private or metadata addresses through DNS rebinding or a redirect.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeProvider _clock;

    public WebhookSender(WebhookTargetPolicy policy, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, options.Value.TimeoutSeconds)),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) };
    }

    public sealed record Outcome(bool Delivered, int? StatusCode, string? Error, bool Permanent, int DurationMs);

    public async Task<Outcome> SendAsync(WebhookDeliveryWork work, CancellationToken cancellationToken)
    {
        var delivery = work.Delivery;
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, work.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd("LearnTrac-Webhooks/1.0");
        request.Headers.Add(WebhookSignature.GitHubStyleHeader, WebhookSignature.Sha256Hex(work.Secret, delivery.Body));
        request.Headers.Add("X-LearnTrac-Event", delivery.Event);
        request.Headers.Add("X-LearnTrac-Delivery", delivery.DeliveryId);
        request.Headers.Add("webhook-id", delivery.DeliveryId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.StandardWebhooksV1(work.Secret, delivery.DeliveryId, timestamp, delivery.Body));

        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var delivered = status is >= 200 and < 300;
            return new Outcome(delivered, status, delivered ? null : $"HTTP {status}", false, (int)watch.ElapsedMilliseconds);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookTargetRefusedException refused)
        {
            return new Outcome(false, null, refused.Message, true, (int)watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return new Outcome(false, null, e is TaskCanceledException ? "Timed out" : e.Message, false, (int)watch.ElapsedMilliseconds);
        }
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookTargetPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        Exception? last = null;
        foreach (var address in addresses)
        {
            if (!policy.IsAllowed(address))
            {
                last = new WebhookTargetRefusedException($"Target {endpoint.Host} resolves to {address}, which webhooks may not reach.");
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                // The address really connected to decides, not the one asked for.
                var connected = ((IPEndPoint)socket.RemoteEndPoint!).Address;
                if (!policy.IsAllowed(connected))
                    throw new WebhookTargetRefusedException($"Connected to {connected}, which webhooks may not reach.");
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception e)
            {
                socket.Dispose();
                last = e;
                if (e is WebhookTargetRefusedException) break;
            }
        }
        throw last ?? new WebhookTargetRefusedException($"Target {endpoint.Host} has no address.");
    }

    public void Dispose() => _client.Dispose();
}
