using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

[Collection(PipelineCollection.Name)]
public sealed class Admin_bootstrap(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private const string AdminPassword = "bootstrap-admin-77";

    private WebApplicationFactory<Program> Instance(IDictionary<string, string?> extra) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in fixture.Settings) web.UseSetting(key, value);
            foreach (var (key, value) in extra) web.UseSetting(key, value);
        });

    private async Task<int> RowsWithEmailAsync(string email)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM users WHERE lower(email) = lower(@email)", new { email });
    }

    [Fact]
    public async Task Creates_one_admin_even_when_two_instances_start_together()
    {
        var email = Credentials.NewEmail("admin");
        var settings = new Dictionary<string, string?> { ["PIPELINE_ADMIN_EMAIL"] = email, ["PIPELINE_ADMIN_PASSWORD"] = AdminPassword };
        await using var first = Instance(settings);
        await using var second = Instance(settings);
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        Assert.Equal(1, await RowsWithEmailAsync(email));
        var login = await (await fixture.CreateClient().PostAsJsonAsync("/api/learntrac/v1/auth/login", new { username = email, password = AdminPassword }, Cancel)).JsonAsync();
        Assert.Contains("admin", login.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Promotes_an_existing_account_only_when_told_to_and_keeps_its_password()
    {
        var email = Credentials.NewEmail("promoted");
        (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = Credentials.GoodPassword }, Cancel)).EnsureSuccessStatusCode();

        await using var instance = Instance(new Dictionary<string, string?>
        {
            ["PIPELINE_ADMIN_EMAIL"] = email.ToUpperInvariant(), ["PIPELINE_ADMIN_PASSWORD"] = AdminPassword, ["PIPELINE_ADMIN_PROMOTE_EXISTING"] = "true",
        });
        _ = instance.Server;

        Assert.Equal(1, await RowsWithEmailAsync(email));
        var login = await (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username = email, password = Credentials.GoodPassword }, Cancel)).JsonAsync();
        var roles = login.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("admin", roles);
        Assert.Contains("student", roles);
    }

    [Fact]
    public async Task Does_not_adopt_an_account_a_stranger_registered_with_the_admin_email()
    {
        var email = Credentials.NewEmail("squatter");
        (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = Credentials.GoodPassword }, Cancel)).EnsureSuccessStatusCode();

        await using var instance = Instance(new Dictionary<string, string?> { ["PIPELINE_ADMIN_EMAIL"] = email, ["PIPELINE_ADMIN_PASSWORD"] = AdminPassword });
        _ = instance.Server;

        Assert.Equal(1, await RowsWithEmailAsync(email));
        var login = await (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username = email, password = Credentials.GoodPassword }, Cancel)).JsonAsync();
        Assert.DoesNotContain("admin", login.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var asAdmin = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username = email, password = AdminPassword }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, asAdmin.StatusCode);
    }

    [Fact]
    public void A_weak_admin_password_stops_start_up_with_a_clear_message()
    {
        using var instance = Instance(new Dictionary<string, string?> { ["PIPELINE_ADMIN_EMAIL"] = Credentials.NewEmail("admin"), ["PIPELINE_ADMIN_PASSWORD"] = "short" });
        var error = Assert.ThrowsAny<Exception>(() => instance.Server);
        Assert.Contains("PIPELINE_ADMIN_PASSWORD", Flatten(error));
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-short-key")]
    public void A_missing_or_short_signing_key_stops_start_up_with_a_clear_message(string key)
    {
        using var instance = Instance(new Dictionary<string, string?> { ["Auth:SigningKey"] = key });
        var error = Assert.ThrowsAny<Exception>(() => instance.Server);
        Assert.Contains("Auth:SigningKey", Flatten(error));
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) messages.Add(e.Message);
        if (error is AggregateException aggregate) messages.AddRange(aggregate.Flatten().InnerExceptions.Select(e => e.Message));
        return string.Join(" | ", messages);
    }
}
