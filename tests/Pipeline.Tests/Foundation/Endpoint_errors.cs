using System.Net;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Foundation;

/// <summary>FastEndpoints' own validation and authentication failures leave in the route's seed error shape.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Endpoint_errors(PipelineFixture fixture)
{
    [Fact]
    public async Task A_validation_failure_is_a_seed_detail_body()
    {
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.GetAsync("/api/tasks/users/me?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Equal(["detail"], body.EnumerateObject().Select(p => p.Name));
        Assert.Contains("limit", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_a_400_not_a_500()
    {
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.GetAsync("/api/tasks/users/me?skip=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("skip", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_token_the_endpoint_answers_401_in_the_seed_shape()
    {
        using var anonymous = fixture.Api.CreateClient();

        var response = await anonymous.GetAsync("/api/tasks/users/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((await response.JsonAsync()).TryGetProperty("detail", out _));
    }
}
