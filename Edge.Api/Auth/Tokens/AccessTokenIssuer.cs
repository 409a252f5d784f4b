using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pipeline.Edge.Api.Auth.Accounts;

namespace Pipeline.Edge.Api.Auth.Tokens;

/// <summary>Signs the short-lived JWT bearer access tokens (HS256) that name the user, the session and the roles.</summary>
public sealed class AccessTokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly SigningCredentials _credentials = new(SigningKey.From(options.Value), SecurityAlgorithms.HmacSha256);
    private readonly JsonWebTokenHandler _handler = new();

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);

    public string Issue(UserAccount user, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [AuthClaims.UserId] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [AuthClaims.SessionId] = sessionId.ToString(),
                [AuthClaims.Role] = user.Roles,
                [AuthClaims.Guest] = user.IsGuest,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
    }
}
