using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Pipeline.Domain.Webhooks;

/// <summary>
/// Which webhook targets this server may call (server-side request forgery): not loopback, private, shared, link-local
/// (cloud metadata at 169.254.169.254 among them), unspecified, multicast or reserved addresses, unless
/// <see cref="WebhookOptions.AllowPrivateTargets"/>. Checked when a subscription is registered and again on every
/// connection, against the address actually connected to, so a name that later resolves elsewhere gets nowhere.
/// </summary>
public sealed class WebhookTargetPolicy(IOptions<WebhookOptions> options)
{
    private static readonly (IPAddress Network, int Prefix)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.0.2.0"), 24), (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15), (IPAddress.Parse("198.51.100.0"), 24), (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Prefix)[] RefusedV6 =
    [
        (IPAddress.Parse("::"), 128), (IPAddress.Parse("::1"), 128), (IPAddress.Parse("fc00::"), 7), (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("ff00::"), 8), (IPAddress.Parse("100::"), 64), (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("fd00:ec2::254"), 128),
    ];

    public bool AllowPrivateTargets => options.Value.AllowPrivateTargets;

    public bool IsAllowed(IPAddress address) => AllowPrivateTargets || IsPublic(address);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? RefusedV4 : RefusedV6;
        return !ranges.Any(r => InRange(address, r.Network, r.Prefix));
    }

    /// <summary>Why <paramref name="url"/> may not be a webhook target, or null when it may.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "url must be an absolute http or https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "url must not carry credentials.";
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal))
            addresses = [literal];
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return $"url's host '{uri.Host}' could not be resolved.";
            }
        }
        if (addresses.Length == 0)
            return $"url's host '{uri.Host}' could not be resolved.";
        return addresses.FirstOrDefault(a => !IsAllowed(a)) is { } refused
            ? $"url resolves to {refused}, a loopback, private, link-local or reserved address, which webhooks may not target."
            : null;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < a.Length && prefix > 0; i++, prefix -= 8)
        {
            var mask = prefix >= 8 ? 0xFF : (byte)(0xFF << (8 - prefix));
            if ((a[i] & mask) != (n[i] & mask)) return false;
        }
        return true;
    }
}
