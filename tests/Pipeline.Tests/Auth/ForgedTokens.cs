using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

/// <summary>Access tokens made outside the API, to check what the API accepts.</summary>
public static class ForgedTokens
{
    public static string Sign(IDictionary<string, object> claims, string key = PipelineFixture.TestSigningKey, DateTime? expires = null,
        string issuer = "pipeline", string audience = "pipeline-api")
    {
        var until = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = until.AddMinutes(-20),
            NotBefore = until.AddMinutes(-20),
            Expires = until,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The claims of a real token, so that only the property under test differs.</summary>
    public static Dictionary<string, object> ClaimsOf(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        return new Dictionary<string, object>
        {
            ["sub"] = token.Subject,
            ["sid"] = token.GetClaim("sid").Value,
            ["role"] = token.Claims.Where(c => c.Type == "role").Select(c => c.Value).ToArray(),
            ["guest"] = false,
        };
    }

    public static string Unsigned(IDictionary<string, object> claims)
    {
        var payload = new Dictionary<string, object>(claims)
        {
            ["iss"] = "pipeline", ["aud"] = "pipeline-api",
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(),
        };
        static string Encode(object value) => Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(value));
        return $"{Encode(new { alg = "none", typ = "JWT" })}.{Encode(payload)}.";
    }
}
