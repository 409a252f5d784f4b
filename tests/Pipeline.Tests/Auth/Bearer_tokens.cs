using System.Net;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

[Collection(PipelineCollection.Name)]
public sealed class Bearer_tokens(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/auth/me")]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/api/learntrac/v1/auth/me")]
    public async Task Missing_token_is_401_with_a_bearer_challenge_in_the_seed_shape(string path)
    {
        var response = await fixture.CreateClient().GetAsync(path, Cancel);
        Assert.Equal("Not authenticated", await SeedShape.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR"));
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_token_signed_like_ours_is_accepted_which_is_what_makes_the_refusals_below_meaningful()
    {
        var user = await fixture.SignUpAsync();
        var forged = ForgedTokens.Sign(ForgedTokens.ClaimsOf(user.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateClient().GetWithTokenAsync("/api/v1/auth/me", forged)).StatusCode);
    }

    [Fact]
    public async Task Alg_none_is_refused()
    {
        var user = await fixture.SignUpAsync();
        var response = await fixture.CreateClient().GetWithTokenAsync("/api/v1/auth/me", ForgedTokens.Unsigned(ForgedTokens.ClaimsOf(user.AccessToken)));
        await SeedShape.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
    }

    [Fact]
    public async Task A_wrong_signing_key_is_refused()
    {
        var user = await fixture.SignUpAsync();
        var forged = ForgedTokens.Sign(ForgedTokens.ClaimsOf(user.AccessToken), key: "another-key-that-is-long-enough-for-hs256-0123456789");
        await SeedShape.AssertErrorAsync(await fixture.CreateClient().GetWithTokenAsync("/api/learntrac/v1/auth/me", forged), HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var user = await fixture.SignUpAsync();
        var expired = ForgedTokens.Sign(ForgedTokens.ClaimsOf(user.AccessToken), expires: DateTime.UtcNow.AddMinutes(-2));
        await SeedShape.AssertErrorAsync(await fixture.CreateClient().GetWithTokenAsync("/api/auth/me", expired), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_issuer_or_audience_is_refused()
    {
        var user = await fixture.SignUpAsync();
        var claims = ForgedTokens.ClaimsOf(user.AccessToken);
        var client = fixture.CreateClient();
        await SeedShape.AssertErrorAsync(await client.GetWithTokenAsync("/api/v1/auth/me", ForgedTokens.Sign(claims, issuer: "someone-else")), HttpStatusCode.Unauthorized);
        await SeedShape.AssertErrorAsync(await client.GetWithTokenAsync("/api/v1/auth/me", ForgedTokens.Sign(claims, audience: "another-api")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_an_unknown_session_is_refused()
    {
        var user = await fixture.SignUpAsync();
        var claims = ForgedTokens.ClaimsOf(user.AccessToken);
        claims["sid"] = Guid.NewGuid().ToString();
        await SeedShape.AssertErrorAsync(await fixture.CreateClient().GetWithTokenAsync("/api/v1/auth/me", ForgedTokens.Sign(claims)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Garbage_in_the_authorization_header_is_401_not_500()
    {
        var client = fixture.CreateClient();
        await SeedShape.AssertErrorAsync(await client.GetWithTokenAsync("/api/auth/me", "not.a.jwt"), HttpStatusCode.Unauthorized);
        await SeedShape.AssertErrorAsync(await client.GetWithTokenAsync("/api/auth/me", "x"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Public_routes_stay_open_and_unknown_routes_stay_404()
    {
        var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/index.html", Cancel)).StatusCode);
        await SeedShape.AssertErrorAsync(await client.GetAsync("/api/v1/nothing-here", Cancel), HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
