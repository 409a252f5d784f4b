using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Pipeline.Edge.Api.Auth.Tokens;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

/// <summary>
/// The token handler remembers tokens it validated (status polling repeats one token many times a second). Remembering
/// must never turn a refusal into an acceptance: not after expiry, not for a token signed otherwise, and one request's
/// claims must not leak into another's. Revocation is covered by Logging_in (logout refuses a token used just before).
/// </summary>
public sealed class Remembered_tokens
{
    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = "pipeline",
        ValidAudience = "pipeline-api",
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(PipelineFixture.TestSigningKey)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
    };

    private static Dictionary<string, object> Claims => new() { ["sub"] = "42", ["sid"] = Guid.NewGuid().ToString() };

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var handler = new ValidatedTokenCache(TimeProvider.System);
        var token = ForgedTokens.Sign(Claims, expires: DateTime.UtcNow.AddSeconds(2));

        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid); // now from memory

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var late = await handler.ValidateTokenAsync(token, Parameters);
        Assert.False(late.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(late.Exception);
    }

    [Fact]
    public async Task Refusals_are_not_remembered_as_anything_else_and_a_valid_token_does_not_vouch_for_a_forgery()
    {
        var handler = new ValidatedTokenCache(TimeProvider.System);
        var claims = Claims;
        var genuine = ForgedTokens.Sign(claims);
        var forged = ForgedTokens.Sign(claims, key: "another-key-that-is-long-enough-for-hs256-0123456789");

        Assert.True((await handler.ValidateTokenAsync(genuine, Parameters)).IsValid);
        for (var i = 0; i < 3; i++)
            Assert.False((await handler.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.True((await handler.ValidateTokenAsync(genuine, Parameters)).IsValid);
    }

    [Fact]
    public async Task Each_validation_gets_its_own_claims()
    {
        var handler = new ValidatedTokenCache(TimeProvider.System);
        var token = ForgedTokens.Sign(Claims);

        var first = await handler.ValidateTokenAsync(token, Parameters);
        first.ClaimsIdentity.AddClaim(new Claim("role", "admin"));
        var second = await handler.ValidateTokenAsync(token, Parameters);
        second.ClaimsIdentity.AddClaim(new Claim("role", "admin"));
        var third = await handler.ValidateTokenAsync(token, Parameters);

        Assert.True(third.IsValid);
        Assert.Equal("42", third.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.DoesNotContain(third.ClaimsIdentity.Claims, c => c.Type == "role");
    }
}
