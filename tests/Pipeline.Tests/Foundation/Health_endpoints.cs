using System.Net;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Foundation;

[Collection(PipelineCollection.Name)]
public sealed class Health_endpoints(PipelineFixture fixture)
{
    [Fact]
    public async Task Live_answers_200()
    {
        var response = await fixture.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_reports_every_dependency_healthy()
    {
        var client = fixture.CreateClient();
        // The bus connects in the background after start-up; readiness may take a moment.
        var response = await Eventually.ReturnsAsync(() => client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("postgresql").GetString());
        Assert.Equal("healthy", checks.GetProperty("rabbitmq").GetString());
        Assert.Equal("healthy", checks.GetProperty("redis").GetString());
    }

    [Fact]
    public async Task Openapi_document_and_docs_ui_are_served()
    {
        var client = fixture.CreateClient();
        var document = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("\"openapi\"", await document.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var ui = await client.GetAsync("/docs/index.html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_in_the_seed_shape()
    {
        var response = await fixture.CreateClient().GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Not Found", body.RootElement.GetProperty("detail").GetString());
    }
}
