using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Domain.Webhooks;

/// <summary>
/// How a delivery is signed under the subscription's secret: GitHub's convention (<c>X-LearnTrac-Signature:
/// sha256=&lt;hex HMAC-SHA256 of the body bytes&gt;</c>) and Standard Webhooks v1 (<c>webhook-signature: v1,&lt;base64
/// HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}"&gt;</c>, the secret's UTF-8 bytes as the key).
/// </summary>
public static class WebhookSignature
{
    public const string GitHubStyleHeader = "X-LearnTrac-Signature";

    public static string Sha256Hex(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static string StandardWebhooksV1(string secret, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(StandardWebhooksKey(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    /// <summary>A <c>whsec_</c> secret (the Standard Webhooks libraries' format) keys with its base64-decoded bytes, so
    /// those libraries verify with the secret as registered; any other secret keys with its UTF-8 bytes.</summary>
    public static byte[] StandardWebhooksKey(string secret)
    {
        const string prefix = "whsec_";
        if (secret.StartsWith(prefix, StringComparison.Ordinal))
        {
            var buffer = new byte[secret.Length];
            if (Convert.TryFromBase64String(secret[prefix.Length..], buffer, out var written)) return buffer[..written];
        }
        return Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>
    /// The seed's payload, <c>{"event", "timestamp", "data", "signature"}</c>: the body's own <c>signature</c> is the
    /// HMAC of the same body without that field (it ends at <c>data</c>); the headers sign the exact bytes sent.
    /// </summary>
    public static string SignedBody(string unsignedBody, string secret) =>
        string.Concat(unsignedBody.AsSpan(0, unsignedBody.LastIndexOf('}')), ",\"signature\":\"", Sha256Hex(secret, unsignedBody), "\"}");
}
