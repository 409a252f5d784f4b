using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Pipeline.Edge.Api.Auth.Tokens;

/// <summary>Turns the configured <c>Auth:SigningKey</c> into an HS256 key.</summary>
public static class SigningKey
{
    public const int MinimumBytes = 32;

    /// <summary>Base64 when it decodes to a long enough key, otherwise the UTF-8 bytes of the string itself.</summary>
    public static byte[]? Decode(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        var buffer = new byte[configured.Length];
        if (Convert.TryFromBase64String(configured, buffer, out var written) && written >= MinimumBytes)
            return buffer[..written];
        return Encoding.UTF8.GetBytes(configured);
    }

    public static string? Problem(string? configured) => Decode(configured) switch
    {
        null => $"Auth:SigningKey is not configured. Set it (environment variable Auth__SigningKey) to a random secret of at least {MinimumBytes} bytes, e.g. `head -c 48 /dev/urandom | base64`.",
        { Length: < MinimumBytes } key => $"Auth:SigningKey is too short ({key.Length} bytes). HS256 needs at least {MinimumBytes} bytes, e.g. `head -c 48 /dev/urandom | base64`.",
        _ => null,
    };

    public static SymmetricSecurityKey From(AuthOptions options) =>
        new(Decode(options.SigningKey) ?? throw new InvalidOperationException(Problem(options.SigningKey)));
}
