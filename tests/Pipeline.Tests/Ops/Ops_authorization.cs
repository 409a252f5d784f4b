using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Ops;

/// <summary>Operations are for admins: every /api/ops route, found from the app's own route table so none is forgotten.</summary>
[Collection(OpsCollection.Name)]
public sealed class Ops_authorization(OpsFixture fixture)
{
    [Fact]
    public async Task Every_ops_route_refuses_non_admins_with_403_and_anonymous_callers_with_401()
    {
        var routes = OpsRoutes();
        Assert.True(routes.Count >= 12, $"only {routes.Count} ops routes found");
        var student = await fixture.SignUpAsync();
        var anonymous = fixture.CreateClient();

        foreach (var (method, path) in routes)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await student.Client.SendAsync(new HttpRequestMessage(method, path))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(new HttpRequestMessage(method, path))).StatusCode);
        }
    }

    [Fact]
    public async Task Admins_can_read_every_ops_list()
    {
        var admin = await fixture.SignUpAsync("admin");
        foreach (var (method, path) in OpsRoutes().Where(r => r.Method == HttpMethod.Get && !r.Path.Contains("00000000")))
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.SendAsync(new HttpRequestMessage(method, path))).StatusCode);
    }

    [Fact]
    public async Task Prometheus_metrics_need_an_admin_or_the_scrape_token()
    {
        var student = await fixture.SignUpAsync();
        var admin = await fixture.SignUpAsync("admin");
        var scraper = fixture.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OpsFixture.ScrapeToken);
        var wrongToken = fixture.CreateClient();
        wrongToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OpsFixture.ScrapeToken + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/metrics")).StatusCode);
        var scraped = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.StartsWith("text/plain", scraped.Content.Headers.ContentType?.ToString());
    }

    private List<(HttpMethod Method, string Path)> OpsRoutes()
    {
        var dataSource = fixture.Api.Services.GetRequiredService<EndpointDataSource>();
        return dataSource.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/ops", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (new HttpMethod(m), Fill(e.RoutePattern.RawText!))))
            .ToList();
    }

    // Route parameters get values that pass their constraints, so the request reaches authorization.
    private static string Fill(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{([^}:]+)(:guid)?[^}]*\}",
            m => m.Groups[2].Success ? Guid.Empty.ToString() : "x");
}
