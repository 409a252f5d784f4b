using System.Net;
using System.Net.Http.Json;
using System.Text;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

[Collection(PipelineCollection.Name)]
public sealed class Registering(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Body(string prefix, string email, string password) => prefix == "/api/auth"
        ? new { email, password, first_name = "Ada", last_name = "Lovelace" }
        : new { email, password, name = "Ada Lovelace" };

    [Fact]
    public async Task On_api_auth_returns_tokens_and_the_user_with_first_and_last_name()
    {
        var email = Credentials.NewEmail();
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/auth/register", Body("/api/auth", email, Credentials.GoodPassword), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        var user = body.GetProperty("user");
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Ada", user.GetProperty("first_name").GetString());
        Assert.Equal("Lovelace", user.GetProperty("last_name").GetString());
        Assert.Equal(["student"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(user.GetProperty("is_guest").GetBoolean());
    }

    [Fact]
    public async Task On_api_v1_answers_201_and_the_token_works_on_me()
    {
        var email = Credentials.NewEmail();
        var client = fixture.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", Body("/api/v1/auth", email, Credentials.GoodPassword), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
        var me = await (await client.GetWithTokenAsync("/api/v1/auth/me", body.GetProperty("access_token").GetString()!)).JsonAsync();
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("Ada Lovelace", me.GetProperty("name").GetString());
        Assert.Equal(body.GetProperty("user").GetProperty("id").GetInt64(), me.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task On_learntrac_answers_in_its_login_shape_with_string_ids()
    {
        var email = Credentials.NewEmail();
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/learntrac/v1/auth/register",
            new { email, password = Credentials.GoodPassword, username = "ada-" + Guid.NewGuid().ToString("N")[..8] }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = (await response.JsonAsync()).GetProperty("user");
        Assert.True(long.TryParse(user.GetProperty("id").GetString(), out _));
        Assert.StartsWith("ada-", user.GetProperty("username").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, user.GetProperty("preferences").ValueKind);
    }

    [Theory]
    [InlineData("/api/auth")]
    [InlineData("/api/v1/auth")]
    [InlineData("/api/learntrac/v1/auth")]
    public async Task Refuses_a_weak_password_with_400_in_the_seed_shape(string prefix)
    {
        var client = fixture.CreateClient();
        foreach (var weak in new[] { "short1", "lettersonly", "1234567890" })
        {
            var response = await client.PostAsJsonAsync($"{prefix}/register", Body(prefix, Credentials.NewEmail(), weak), Cancel);
            var message = await SeedShape.AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
            Assert.Contains("Password", message);
        }
    }

    [Theory]
    [InlineData("/api/auth")]
    [InlineData("/api/v1/auth")]
    [InlineData("/api/learntrac/v1/auth")]
    public async Task Refuses_a_bad_email_with_400_in_the_seed_shape(string prefix)
    {
        var client = fixture.CreateClient();
        foreach (var bad in new[] { "not-an-email", "a@b", "two@@example.com", "spaces in@example.com" })
        {
            var response = await client.PostAsJsonAsync($"{prefix}/register", Body(prefix, bad, Credentials.GoodPassword), Cancel);
            var message = await SeedShape.AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
            Assert.Contains("Email", message);
        }
    }

    [Fact]
    public async Task A_taken_email_is_400_detail_on_api_auth_and_409_on_the_others_whatever_its_case()
    {
        var email = Credentials.NewEmail();
        var client = fixture.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/register", Body("/api/v1/auth", email, Credentials.GoodPassword), Cancel)).EnsureSuccessStatusCode();
        var shouted = email.ToUpperInvariant();

        var platform = await client.PostAsJsonAsync("/api/auth/register", Body("/api/auth", shouted, Credentials.GoodPassword), Cancel);
        Assert.Equal("Email already registered", await SeedShape.AssertErrorAsync(platform, HttpStatusCode.BadRequest));
        var v1 = await client.PostAsJsonAsync("/api/v1/auth/register", Body("/api/v1/auth", shouted, Credentials.GoodPassword), Cancel);
        await SeedShape.AssertErrorAsync(v1, HttpStatusCode.Conflict, "CONFLICT");
        var learnTrac = await client.PostAsJsonAsync("/api/learntrac/v1/auth/register", Body("/api/learntrac/v1/auth", email, Credentials.GoodPassword), Cancel);
        await SeedShape.AssertErrorAsync(learnTrac, HttpStatusCode.Conflict, "CONFLICT");
    }

    [Theory]
    [InlineData("/api/auth")]
    [InlineData("/api/v1/auth")]
    [InlineData("/api/learntrac/v1/auth")]
    public async Task Malformed_json_is_a_400_in_the_seed_shape(string prefix)
    {
        var client = fixture.CreateClient();
        foreach (var path in new[] { "register", "login", "refresh" })
        {
            var response = await client.PostAsync($"{prefix}/{path}", new StringContent("{\"email\": \"x@example.com\", ", Encoding.UTF8, "application/json"), Cancel);
            await SeedShape.AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }
    }

    [Theory]
    [InlineData("/api/auth")]
    [InlineData("/api/v1/auth")]
    [InlineData("/api/learntrac/v1/auth")]
    public async Task Missing_fields_are_a_400_naming_them(string prefix)
    {
        var client = fixture.CreateClient();
        var register = await client.PostAsJsonAsync($"{prefix}/register", new { email = Credentials.NewEmail() }, Cancel);
        Assert.Contains("Password", await SeedShape.AssertErrorAsync(register, HttpStatusCode.BadRequest, "VALIDATION_ERROR"));

        var login = await client.PostAsJsonAsync($"{prefix}/login", new { username = "someone@example.com" }, Cancel);
        Assert.Contains("Password", await SeedShape.AssertErrorAsync(login, HttpStatusCode.BadRequest, "VALIDATION_ERROR"));

        var refresh = await client.PostAsJsonAsync($"{prefix}/refresh", new { }, Cancel);
        Assert.Contains("RefreshToken", (await SeedShape.AssertErrorAsync(refresh, HttpStatusCode.BadRequest, "VALIDATION_ERROR")).Replace(" ", ""), StringComparison.OrdinalIgnoreCase);

        var empty = await client.PostAsync($"{prefix}/register", new StringContent("", Encoding.UTF8, "application/json"), Cancel);
        await SeedShape.AssertErrorAsync(empty, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Seed_001_requires_first_and_last_name()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email = Credentials.NewEmail(), password = Credentials.GoodPassword }, Cancel);
        var message = await SeedShape.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("FirstName", message.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
    }
}
