using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Edge.Api.Auth.Tokens;

/// <summary>
/// Opaque refresh tokens: 256 random bits for the client, only their SHA-256 in the database, so a leaked table
/// cannot be replayed. (A fast hash is enough here: the token is random, not a guessable password.)
/// </summary>
public static class RefreshToken
{
    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
