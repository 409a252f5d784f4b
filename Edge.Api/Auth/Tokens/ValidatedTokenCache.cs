using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Pipeline.Edge.Api.Auth.Tokens;

/// <summary>
/// The bearer-token handler with a memory of tokens it has already validated. Frontends poll task status several times
/// a second with the same token, and checking its signature, issuer, audience and lifetime gives the same answer every
/// time until the token expires; so a valid token's claims are remembered until its expiry (never longer), and each
/// request gets its own copy of them. Only successes are remembered: a forged or expired token is checked every time.
/// Revocation is not affected: the session check (<see cref="JwtBearerSetup"/>) still runs on every request.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>At most this many tokens are remembered; beyond it the cache evicts (and tokens are simply checked again).</summary>
    public const int Capacity = 100_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out ValidToken? known) && known!.ExpiresAt > clock.GetUtcNow())
            return known.NewResult();

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.ClaimsIdentity is { } identity && result.SecurityToken is { ValidTo: var validTo } securityToken
            && validTo > DateTime.MinValue)
        {
            var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
            // A token accepted within the clock skew after its expiry is not worth remembering.
            if (expiresAt > clock.GetUtcNow())
                _validated.Set(token, new ValidToken(identity.Clone(), securityToken, expiresAt),
                    new MemoryCacheEntryOptions { AbsoluteExpiration = expiresAt, Size = 1 });
        }
        return result;
    }

    private sealed record ValidToken(ClaimsIdentity Identity, SecurityToken SecurityToken, DateTimeOffset ExpiresAt)
    {
        // Each request gets its own identity: whatever one request's pipeline adds to it must not leak into another's.
        public TokenValidationResult NewResult() => new() { IsValid = true, ClaimsIdentity = Identity.Clone(), SecurityToken = SecurityToken };
    }
}
