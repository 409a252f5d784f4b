using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

/// <summary>
/// The lock that failed guesses put on an account holds for every device except those the owner already logged in on:
/// those are slowed down progressively by their own failures instead (docs/security.md, "Logins per account and device").
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class Logging_in_from_a_known_device(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private const string Login = "/api/v1/auth/login";

    [Fact]
    public async Task Strangers_guessing_elsewhere_do_not_lock_the_owner_out_of_a_device_they_logged_in_on()
    {
        var owner = await fixture.SignUpAsync();
        var ownerDevice = fixture.CreateClient();
        var first = await LoginAsync(ownerDevice, owner.Email, owner.Password);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pipeline_device=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // The stranger holds a known-device cookie too, of an account of their own: it does not count for the owner's.
        var stranger = fixture.CreateClient();
        var own = await fixture.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(stranger, own.Email, own.Password)).StatusCode);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(stranger, owner.Email, $"wrong-guess-{i}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(stranger, owner.Email, owner.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(fixture.CreateClient(), owner.Email, owner.Password)).StatusCode);
        // A forged cookie naming the owner is no known device.
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await LoginAsync(fixture.CreateClient(), owner.Email, owner.Password, $"pipeline_device=d1.{owner.Id}.AAAAAAAAAAAAAAAAAAAAAA.4102444800.forged")).StatusCode);

        var again = await LoginAsync(ownerDevice, owner.Email.ToUpperInvariant(), owner.Password);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // Still locked for everyone else.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(fixture.CreateClient(), owner.Email, owner.Password)).StatusCode);
    }

    [Fact]
    public async Task A_known_device_that_keeps_failing_waits_longer_each_time_but_is_never_locked_out()
    {
        var owner = await fixture.SignUpAsync();
        var device = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(device, owner.Email, owner.Password)).StatusCode);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(device, owner.Email, $"typo-{i}")).StatusCode);
        var firstWait = await Eventually.ReturnsAsync(() => LoginAsync(device, owner.Email, "typo"),
            r => r.StatusCode == HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(10), "the device to be asked to wait");
        Assert.InRange(firstWait.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        var (failures, wait) = await DeviceCountAsync(owner.Id);
        Assert.Equal(TimeSpan.FromSeconds(Math.Pow(2, failures - 5)), wait);

        var next = await Eventually.ReturnsAsync(() => LoginAsync(device, owner.Email, "typo"),
            r => r.StatusCode != HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(10), "the first wait to end");
        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        var (moreFailures, longerWait) = await DeviceCountAsync(owner.Id);
        Assert.Equal(failures + 1, moreFailures);
        Assert.Equal(wait * 2, longerWait);
        // The owner's typos on their device did not lock the account for the other devices.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(fixture.CreateClient(), owner.Email, owner.Password)).StatusCode);

        var right = await Eventually.ReturnsAsync(() => LoginAsync(device, owner.Email, owner.Password),
            r => r.StatusCode != HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(10), "the second wait to end");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        // A success forgets the count: the next typo is free again.
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(device, owner.Email, "typo-8")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(device, owner.Email, "typo-9")).StatusCode);
    }

    /// <summary>The owner's known-device count: failures, and the wait the last admitted attempt set.</summary>
    private async Task<(int Failures, TimeSpan Wait)> DeviceCountAsync(long userId)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.QuerySingleAsync<(int, TimeSpan)>(
            "SELECT failures, locked_until - window_start FROM login_failures WHERE account LIKE 'device:' || @userId || ':%'", new { userId });
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Login) { Content = JsonContent.Create(new { username, password }) };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Cancel);
    }
}
