using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Pipeline.Edge.Api.Auth.Sessions;

namespace Pipeline.Edge.Api.Auth.Tokens;

/// <summary>How incoming bearer tokens are validated: our issuer, audience, key and algorithm, then a live session.</summary>
public sealed class JwtBearerSetup(IOptions<AuthOptions> auth, ValidatedTokenCache tokenHandler) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme) return;
        var settings = auth.Value;
        // Keep "sub", "sid", "role" as written instead of mapping them to XML-schema claim URIs.
        options.MapInboundClaims = false;
        // Why a token failed is for our logs, not for the caller.
        options.IncludeErrorDetails = false;
        // Our handler remembers validated tokens (polling sends the same one again and again); it keeps claim names as
        // written too, like MapInboundClaims = false does for the default handler it replaces.
        tokenHandler.MapInboundClaims = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(tokenHandler);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = settings.Issuer,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = SigningKey.From(settings),
            // Only what we sign with: refuses "alg": "none" and algorithm-confusion tricks.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = AuthClaims.UserId,
            RoleClaimType = AuthClaims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            // A valid signature is not enough: logout and refresh-token reuse revoke the session the token names.
            OnTokenValidated = async context =>
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<ActiveSessions>();
                var sessionClaim = context.Principal?.FindFirst(AuthClaims.SessionId)?.Value;
                if (!Guid.TryParse(sessionClaim, out var sessionId) || !await sessions.IsActiveAsync(sessionId, context.HttpContext.RequestAborted))
                    context.Fail("The session of this token has ended.");
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
