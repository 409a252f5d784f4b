using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Auth.Tokens;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>
/// A device (a browser, an app's cookie jar) on which an account logged in successfully gets a signed, HttpOnly cookie
/// naming the account and a random device id. Logins from that device are counted per device with a progressive
/// slow-down instead of the account's lock, so strangers guessing from elsewhere cannot lock the owner out of a device
/// they already used (<see cref="LoginThrottle"/>). The cookie proves nothing else: the password is still checked.
/// Stateless: an HMAC with a key derived from <c>Auth:SigningKey</c>, valid <c>Auth:KnownDeviceDays</c>.
/// </summary>
public sealed class KnownDevices(IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string CookieName = "pipeline_device";
    private const string Version = "d1";

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, SigningKey.Decode(options.Value.SigningKey) ?? [0], 32,
        info: Encoding.ASCII.GetBytes("pipeline known device v1"));

    public bool Enabled => options.Value.KnownDeviceDays > 0;

    public sealed record Device(long UserId, string DeviceId);

    /// <summary>The device a token names, when its signature holds and it has not expired.</summary>
    public Device? Read(string? token)
    {
        if (!Enabled || string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var parts = token.Split('.');
        if (parts.Length != 5 || parts[0] != Version) return null;
        if (!long.TryParse(parts[1], out var userId) || !long.TryParse(parts[3], out var expires)) return null;
        byte[] mac;
        try { mac = Convert.FromBase64String(FromBase64Url(parts[4])); }
        catch (FormatException) { return null; }
        if (!CryptographicOperations.FixedTimeEquals(mac, Sign(string.Join('.', parts[..4])))) return null;
        if (DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow()) return null;
        return new Device(userId, parts[2]);
    }

    /// <summary>A token for the account on this device: the same device id when the device was known already.</summary>
    public string Issue(long userId, Device? known)
    {
        var deviceId = known is not null && known.UserId == userId
            ? known.DeviceId
            : ToBase64Url(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        var expires = clock.GetUtcNow().AddDays(options.Value.KnownDeviceDays).ToUnixTimeSeconds();
        var payload = $"{Version}.{userId}.{deviceId}.{expires}";
        return $"{payload}.{ToBase64Url(Convert.ToBase64String(Sign(payload)))}";
    }

    public void WriteCookie(HttpContext context, string token) =>
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/api",
            MaxAge = TimeSpan.FromDays(options.Value.KnownDeviceDays),
        });

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload));

    private static string ToBase64Url(string base64) => base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        return base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
    }
}
