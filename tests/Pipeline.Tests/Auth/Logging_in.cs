using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

[Collection(PipelineCollection.Name)]
public sealed class Logging_in(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> RegisteredEmailAsync(string? username = null)
    {
        var email = Credentials.NewEmail();
        (await fixture.CreateClient().PostAsJsonAsync("/api/learntrac/v1/auth/register",
            new { email, password = Credentials.GoodPassword, username }, Cancel)).EnsureSuccessStatusCode();
        return email;
    }

    [Theory]
    [InlineData("/api/auth")]
    [InlineData("/api/v1/auth")]
    public async Task With_json_returns_access_and_refresh_tokens_that_open_me(string prefix)
    {
        var email = await RegisteredEmailAsync();
        var client = fixture.CreateClient();
        var body = await (await client.PostAsJsonAsync($"{prefix}/login", new { username = email, password = Credentials.GoodPassword }, Cancel)).JsonAsync();

        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
        var me = await (await client.GetWithTokenAsync($"{prefix}/me", body.GetProperty("access_token").GetString()!)).JsonAsync();
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(email, me.GetProperty("username").GetString());
    }

    [Fact]
    public async Task On_learntrac_answers_with_the_seed_003_bodies()
    {
        var username = "lt-" + Guid.NewGuid().ToString("N")[..10];
        var email = await RegisteredEmailAsync(username);
        var client = fixture.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/learntrac/v1/auth/login",
            new { username, password = Credentials.GoodPassword, grant_type = "password" }, Cancel)).JsonAsync();

        Assert.Equal(["access_token", "refresh_token", "token_type", "expires_in", "user"], login.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bearer", login.GetProperty("token_type").GetString());
        Assert.Equal(3600, login.GetProperty("expires_in").GetInt32());
        var user = login.GetProperty("user");
        Assert.Equal(["id", "username", "email", "roles", "preferences"], user.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, user.GetProperty("id").ValueKind);
        Assert.Equal(username, user.GetProperty("username").GetString());
        Assert.Equal(email, user.GetProperty("email").GetString());

        var me = await (await client.GetWithTokenAsync("/api/learntrac/v1/auth/me", login.GetProperty("access_token").GetString()!)).JsonAsync();
        Assert.Equal(["id", "username", "email", "roles", "created_at", "learning_profile"], me.EnumerateObject().Select(p => p.Name));
        Assert.True(me.GetProperty("created_at").TryGetDateTimeOffset(out var createdAt));
        Assert.InRange(createdAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var profile = me.GetProperty("learning_profile");
        Assert.Equal("beginner", profile.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Array, profile.GetProperty("strengths").ValueKind);
        Assert.Equal(JsonValueKind.Array, profile.GetProperty("areas_for_improvement").ValueKind);
        Assert.True(profile.TryGetProperty("preferred_learning_style", out _));

        var refreshed = await (await client.PostAsJsonAsync("/api/learntrac/v1/auth/refresh",
            new { refresh_token = login.GetProperty("refresh_token").GetString() }, Cancel)).JsonAsync();
        Assert.Equal("bearer", refreshed.GetProperty("token_type").GetString());
        Assert.Equal(3600, refreshed.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(refreshed.GetProperty("access_token").GetString()));
    }

    [Theory]
    [InlineData("/api/auth")]
    [InlineData("/api/v1/auth")]
    [InlineData("/api/learntrac/v1/auth")]
    public async Task With_the_oauth2_password_form_works_like_json(string prefix)
    {
        var email = await RegisteredEmailAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email.ToUpperInvariant(), ["password"] = Credentials.GoodPassword,
        });
        var body = await (await fixture.CreateClient().PostAsync($"{prefix}/login", form, Cancel)).JsonAsync();
        Assert.Equal(email, body.GetProperty("user").GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("/api/auth")]
    [InlineData("/api/v1/auth")]
    [InlineData("/api/learntrac/v1/auth")]
    public async Task With_a_wrong_password_or_unknown_account_is_401_in_the_seed_shape(string prefix)
    {
        var email = await RegisteredEmailAsync();
        var client = fixture.CreateClient();
        var wrong = await client.PostAsJsonAsync($"{prefix}/login", new { username = email, password = "wrong-password-1" }, Cancel);
        Assert.Equal("Incorrect username or password", await SeedShape.AssertErrorAsync(wrong, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR"));
        Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.Single().Scheme);

        var unknown = await client.PostAsJsonAsync($"{prefix}/login", new { username = Credentials.NewEmail("nobody"), password = Credentials.GoodPassword }, Cancel);
        Assert.Equal("Incorrect username or password", await SeedShape.AssertErrorAsync(unknown, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR"));
    }

    [Fact]
    public async Task With_an_unsupported_grant_type_or_body_type_is_refused_clearly()
    {
        var client = fixture.CreateClient();
        var grant = await client.PostAsJsonAsync("/api/learntrac/v1/auth/login",
            new { username = "a@example.com", password = Credentials.GoodPassword, grant_type = "client_credentials" }, Cancel);
        Assert.Contains("grant_type", await SeedShape.AssertErrorAsync(grant, HttpStatusCode.BadRequest, "VALIDATION_ERROR"));

        var text = await client.PostAsync("/api/v1/auth/login", new StringContent("username=a&password=b"), Cancel);
        await SeedShape.AssertErrorAsync(text, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        var register = await client.PostAsync("/api/learntrac/v1/auth/register", new StringContent("{}"), Cancel);
        await SeedShape.AssertErrorAsync(register, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        var wrongMethod = await client.GetAsync("/api/v1/auth/login", Cancel);
        await SeedShape.AssertErrorAsync(wrongMethod, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_issues_a_working_access_token()
    {
        var user = await fixture.SignUpAsync();
        var client = fixture.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken }, Cancel)).JsonAsync();
        var second = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.GetProperty("refresh_token").GetString() }, Cancel)).JsonAsync();

        Assert.NotEqual(user.RefreshToken, first.GetProperty("refresh_token").GetString());
        Assert.NotEqual(first.GetProperty("refresh_token").GetString(), second.GetProperty("refresh_token").GetString());
        var me = await (await client.GetWithTokenAsync("/api/v1/auth/me", second.GetProperty("access_token").GetString()!)).JsonAsync();
        Assert.Equal(user.Id, me.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Refresh_token_reuse_revokes_the_session()
    {
        var user = await fixture.SignUpAsync();
        var client = fixture.CreateClient();
        var rotated = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken }, Cancel)).JsonAsync();
        var newAccess = rotated.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/v1/auth/me", newAccess)).StatusCode);

        // Someone replays the old token: the whole family dies, including the token the rightful client just got.
        var replay = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken }, Cancel);
        await SeedShape.AssertErrorAsync(replay, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        var next = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = rotated.GetProperty("refresh_token").GetString() }, Cancel);
        await SeedShape.AssertErrorAsync(next, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        await SeedShape.AssertErrorAsync(await client.GetWithTokenAsync("/api/v1/auth/me", newAccess), HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        await SeedShape.AssertErrorAsync(await client.GetWithTokenAsync("/api/v1/auth/me", user.AccessToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_401()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refresh_token = "not-a-token" }, Cancel);
        Assert.Equal("Invalid refresh token", await SeedShape.AssertErrorAsync(response, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("/api/auth")]
    [InlineData("/api/v1/auth")]
    [InlineData("/api/learntrac/v1/auth")]
    public async Task Logout_refuses_the_access_token_at_once_and_ends_refreshing(string prefix)
    {
        var user = await fixture.SignUpAsync();
        var other = await fixture.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"{prefix}/me", Cancel)).StatusCode); // now cached as active

        var logout = await (await user.Client.PostAsync($"{prefix}/logout", null, Cancel)).JsonAsync();
        Assert.Equal("Successfully logged out", logout.GetProperty("message").GetString());

        var me = await user.Client.GetAsync($"{prefix}/me", Cancel);
        await SeedShape.AssertErrorAsync(me, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        Assert.Equal("Bearer", me.Headers.WwwAuthenticate.Single().Scheme);
        var refresh = await fixture.CreateClient().PostAsJsonAsync($"{prefix}/refresh", new { refresh_token = user.RefreshToken }, Cancel);
        await SeedShape.AssertErrorAsync(refresh, HttpStatusCode.Unauthorized);
        // Other sessions are untouched.
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync($"{prefix}/me", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_are_throttled_with_429_and_retry_after_even_for_the_right_password()
    {
        var email = await RegisteredEmailAsync();
        var client = fixture.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/learntrac/v1/auth/login", new { username = email, password = $"wrong-{attempt}-pass" }, Cancel);
            await SeedShape.AssertErrorAsync(wrong, HttpStatusCode.Unauthorized);
        }

        var locked = await client.PostAsJsonAsync("/api/learntrac/v1/auth/login", new { username = email, password = Credentials.GoodPassword }, Cancel);
        await SeedShape.AssertErrorAsync(locked, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        // The lock is per account (shared by every prefix and casing), not per client.
        var otherPrefix = await fixture.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = email.ToUpperInvariant(), password = Credentials.GoodPassword }, Cancel);
        await SeedShape.AssertErrorAsync(otherPrefix, HttpStatusCode.TooManyRequests);
        // Other accounts are unaffected.
        var someoneElse = await RegisteredEmailAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = someoneElse, password = Credentials.GoodPassword }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_successful_login_resets_the_failure_count()
    {
        var email = await RegisteredEmailAsync();
        var client = fixture.CreateClient();
        async Task FailAsync(int times)
        {
            for (var i = 0; i < times; i++)
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = email, password = "wrong-pass-1" }, Cancel)).StatusCode);
        }

        await FailAsync(4);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = email, password = Credentials.GoodPassword }, Cancel)).StatusCode);
        await FailAsync(4);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = email, password = Credentials.GoodPassword }, Cancel)).StatusCode);
    }
}
