using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

/// <summary>Refreshing keeps a session going, but not past its absolute lifetime; a refresh sees the user's current roles.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Session_lifetime(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_older_than_its_absolute_lifetime_cannot_be_refreshed()
    {
        var user = await fixture.SignUpAsync();
        await using (var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString))
            await connection.ExecuteAsync("UPDATE auth_sessions SET created_at = now() - interval '91 days' WHERE user_id = @Id", new { user.Id });

        var refresh = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task A_refresh_issues_a_token_with_the_roles_the_user_has_now()
    {
        var user = await fixture.SignUpAsync("instructor");
        await using (var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString))
            await connection.ExecuteAsync("UPDATE users SET roles = ARRAY['student'] WHERE id = @Id", new { user.Id });

        var refreshed = await (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken }, Cancel)).JsonAsync();
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ReadJsonWebToken(refreshed.GetProperty("access_token").GetString());

        Assert.DoesNotContain(token.Claims, c => c.Value == "instructor");
        Assert.Contains(token.Claims, c => c.Value == "student");
    }
}
