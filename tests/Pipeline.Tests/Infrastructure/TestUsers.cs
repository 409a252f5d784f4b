using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Pipeline.Tests.Infrastructure;

/// <summary>Signs users up through the real auth API, for tests of features that need a caller.</summary>
public static class TestUsers
{
    /// <summary>
    /// Registers a fresh user; "admin" or "instructor" gives it that role in the database before it logs in, so the
    /// access token carries the role.
    /// </summary>
    public static async Task<TestUser> SignUpAsync(this PipelineFixture fixture, string role = "student")
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var password = $"Passw0rd-{Guid.NewGuid():N}"[..20];
        var anonymous = fixture.CreateClient();
        var registered = await ReadAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password, name = "Test User" }));
        var id = registered.GetProperty("user").GetProperty("id").GetInt64();

        if (role != "student")
        {
            await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
            await connection.ExecuteAsync("UPDATE users SET roles = ARRAY[@role] WHERE id = @id", new { role, id });
        }
        var tokens = await ReadAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = email, password }));
        return Create(fixture, id, email, password, tokens);
    }

    /// <summary>A guest session from <c>POST /api/auth/guest-login</c>.</summary>
    public static async Task<TestUser> GuestAsync(this PipelineFixture fixture)
    {
        var tokens = await ReadAsync(await fixture.CreateClient().PostAsync("/api/auth/guest-login", null));
        var user = tokens.GetProperty("user");
        return Create(fixture, user.GetProperty("id").GetInt64(), user.GetProperty("email").GetString()!, "", tokens);
    }

    private static TestUser Create(PipelineFixture fixture, long id, string email, string password, JsonElement tokens)
    {
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return new TestUser(id, email, password, accessToken, tokens.GetProperty("refresh_token").GetString()!, client);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
