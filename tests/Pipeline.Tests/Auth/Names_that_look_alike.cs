using System.Net;
using System.Net.Http.Json;
using System.Text;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

/// <summary>One address has one spelling, and names cannot hide characters that make them look like something else.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Names_that_look_alike(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_address_composed_and_decomposed_is_one_account()
    {
        var local = $"rene-{Guid.NewGuid():N}"[..16];
        var composed = $"{local}ren\u00e9@example.com";
        var decomposed = $"{local}rene\u0301@example.com";
        Assert.NotEqual(composed, decomposed);

        var first = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = composed, password = Credentials.GoodPassword }, Cancel);
        var second = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = decomposed, password = Credentials.GoodPassword }, Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var login = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username = decomposed, password = Credentials.GoodPassword }, Cancel);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [InlineData("Ada\u202Eecalevol")]   // right-to-left override
    [InlineData("Ada\u200BLovelace")]   // zero-width space
    [InlineData("Ada\u0007")]           // bell
    [InlineData("\uFEFFAda")]           // byte order mark
    public async Task A_name_with_invisible_or_control_characters_is_a_400(string name)
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = Credentials.NewEmail("named"), password = Credentials.GoodPassword, name }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_email_with_a_zero_width_character_is_a_400()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"zw\u200D{Guid.NewGuid():N}@example.com", password = Credentials.GoodPassword }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
