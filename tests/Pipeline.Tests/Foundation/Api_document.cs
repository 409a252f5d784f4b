using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Foundation;

/// <summary>
/// The OpenAPI document at /openapi/v1.json describes what the host really serves: every API route, with its request and
/// response schemas, and the failures each route declares in the error shape of its seed.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed partial class Api_document(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DocumentAsync() =>
        await (await fixture.CreateClient().GetAsync("/openapi/v1.json", Cancel)).JsonAsync();

    /// <summary>Every mapped route under /api and /metrics, as "METHOD /path/{param}" (route constraints dropped).</summary>
    private IReadOnlyList<string> ServedRoutes() =>
        fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => $"{method} /{Constraint().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "{$1}")}"))
            .Where(route => route.Contains(" /api/", StringComparison.Ordinal) || route.EndsWith(" /metrics", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    private static IEnumerable<(string Route, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", path.Name, operation.Value)));

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static JsonElement? JsonSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    [Fact]
    public async Task Lists_every_api_route_the_host_serves()
    {
        var documented = Operations(await DocumentAsync()).Select(o => o.Route).ToHashSet();

        var served = ServedRoutes();

        Assert.True(served.Count >= 40, $"only {served.Count} routes found: {string.Join(", ", served)}");
        var missing = served.Except(documented).ToList();
        Assert.True(missing.Count == 0, $"not in the document: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_operation_has_a_success_response_and_json_operations_a_schema()
    {
        var document = await DocumentAsync();

        foreach (var (route, _, operation) in Operations(document))
        {
            var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{route} declares no success response");
            foreach (var response in success)
                if (JsonSchema(response.Value) is { } schema)
                    Assert.True(Resolve(document, schema).EnumerateObject().Any(), $"{route} {response.Name} has an empty schema");
        }
    }

    [Fact]
    public async Task Failures_are_declared_in_the_error_shape_of_the_routes_seed()
    {
        var document = await DocumentAsync();
        var checkedFailures = 0;

        foreach (var (route, path, operation) in Operations(document).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            string[] expected = path.StartsWith("/api/v1/", StringComparison.Ordinal) ? ["code", "message", "details"]
                : path.StartsWith("/api/learntrac/", StringComparison.Ordinal) ? ["error"]
                : ["detail"];
            foreach (var failure in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var schema = JsonSchema(failure.Value);
                Assert.True(schema is not null, $"{route} {failure.Name} has no JSON body");
                Assert.Equal(expected, Resolve(document, schema.Value).GetProperty("properties").EnumerateObject().Select(p => p.Name));
                checkedFailures++;
            }
        }

        Assert.True(checkedFailures > 100, $"only {checkedFailures} failures declared");
    }

    [Theory]
    [InlineData("/api/v1/auth/login", "post", "401")]
    [InlineData("/api/learntrac/v1/auth/login", "post", "429")]
    [InlineData("/api/tasks/{task_id}/status", "get", "404")]
    [InlineData("/api/recommendation/learning-paths/generate", "post", "429")]
    [InlineData("/api/ops/failed-messages/{id}/retry", "post", "403")]
    public async Task Names_the_failures_a_route_answers(string path, string method, string status)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{method} {path} does not declare {status}");
    }

    [Fact]
    public async Task Describes_bodies_and_parameters_as_clients_send_them()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");

        var login = paths.GetProperty("/api/auth/login").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(login.TryGetProperty("application/x-www-form-urlencoded", out _));
        var loginFields = Resolve(document, login.GetProperty("application/json").GetProperty("schema")).GetProperty("properties");
        Assert.Equal(["username", "password", "grant_type", "email"], loginFields.EnumerateObject().Select(p => p.Name));

        var generate = paths.GetProperty("/api/recommendation/chat/generate-learning-path").GetProperty("post");
        Assert.Contains(generate.GetProperty("parameters").EnumerateArray(),
            // Header names are case-insensitive (RFC 9110); the generator may lower-case them.
            p => string.Equals(p.GetProperty("name").GetString(), "Idempotency-Key", StringComparison.OrdinalIgnoreCase)
                && p.GetProperty("in").GetString() == "header");
        Assert.True(generate.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(generate.GetProperty("responses").TryGetProperty("202", out _));

        var listing = paths.GetProperty("/api/tasks/users/me").GetProperty("get");
        Assert.False(listing.TryGetProperty("requestBody", out _));
        var query = listing.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(["skip", "limit"], query.Select(p => p.GetProperty("name").GetString()));
        Assert.All(query, p => Assert.False(p.TryGetProperty("required", out var required) && required.GetBoolean()));
    }

    [GeneratedRegex(@"\{([A-Za-z_]+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
