using System.Net;
using System.Net.Http.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

[Collection(PipelineCollection.Name)]
public sealed class Guests_and_roles(PipelineFixture fixture) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private PolicyProbe _probe = null!;

    public async ValueTask InitializeAsync() => _probe = await PolicyProbe.StartAsync(fixture);

    public ValueTask DisposeAsync() => _probe.DisposeAsync();

    [Fact]
    public async Task Guest_login_gives_a_marked_session_without_an_account()
    {
        var guest = await fixture.GuestAsync();
        var me = await (await guest.Client.GetAsync("/api/auth/me", Cancel)).JsonAsync();
        Assert.True(me.GetProperty("is_guest").GetBoolean());
        Assert.EndsWith(".invalid", me.GetProperty("email").GetString());

        var whoami = await (await _probe.Client(guest.AccessToken).GetAsync("/api/v1/probe/whoami", Cancel)).JsonAsync();
        Assert.Equal(guest.Id, whoami.GetProperty("user_id").GetInt64());
        Assert.True(whoami.GetProperty("is_guest").GetBoolean());
        Assert.False(whoami.GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task Guests_are_refused_where_a_registered_user_is_required_with_403_in_the_seed_shape()
    {
        var guest = await fixture.GuestAsync();
        var student = await fixture.SignUpAsync();

        var refused = await _probe.Client(guest.AccessToken).GetAsync("/api/v1/probe/registered", Cancel);
        await SeedShape.AssertErrorAsync(refused, HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
        Assert.Equal(HttpStatusCode.OK, (await _probe.Client(student.AccessToken).GetAsync("/api/v1/probe/registered", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_guest_cannot_log_in_again_with_a_password()
    {
        var guest = await fixture.GuestAsync();
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = guest.Email, password = "" }, Cancel);
        await SeedShape.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        response = await fixture.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = guest.Email, password = "anything-1" }, Cancel);
        await SeedShape.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Roles_open_the_instructor_and_admin_policies()
    {
        var student = await fixture.SignUpAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        var admin = await fixture.SignUpAsync("admin");

        async Task<HttpStatusCode> StatusAsync(TestUser user, string path) => (await _probe.Client(user.AccessToken).GetAsync(path, Cancel)).StatusCode;
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(student, "/api/v1/probe/instructor"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(student, "/api/v1/probe/admin"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(instructor, "/api/v1/probe/instructor"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(instructor, "/api/v1/probe/admin"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "/api/v1/probe/instructor"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "/api/v1/probe/admin"));

        var whoami = await (await _probe.Client(admin.AccessToken).GetAsync("/api/v1/probe/whoami", Cancel)).JsonAsync();
        Assert.True(whoami.GetProperty("is_admin").GetBoolean());
        Assert.Equal(admin.Id, whoami.GetProperty("user_id").GetInt64());
    }

    [Fact]
    public async Task Endpoints_without_a_policy_still_need_a_signed_in_user()
    {
        var anonymous = await _probe.Client().GetAsync("/api/v1/probe/whoami", Cancel);
        await SeedShape.AssertErrorAsync(anonymous, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
    }
}
