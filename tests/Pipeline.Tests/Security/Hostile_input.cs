using System.Net;
using System.Text;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Security;

/// <summary>Bad bodies get a clear 4xx in the route's shape, never a 500, and nothing is stored half-way.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Hostile_input(PipelineFixture fixture)
{
    private const string Generate = "/api/recommendation/learning-paths/generate";

    public static TheoryData<string, string> BadBodies => new()
    {
        { "deeply nested JSON", "{\"prompt\":" + new string('[', 5000) + new string(']', 5000) + "}" },
        { "wrong type", "{\"prompt\": {\"a\": 1}}" },
        { "truncated JSON", "{\"prompt\": \"learn" },
        { "a huge prompt", "{\"prompt\": \"" + new string('a', 50_000) + "\"}" },
        { "control characters", "{\"prompt\": \"learn\\u0000 chess\"}" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_are_400s_in_the_seed_shape_and_store_nothing(string why, string json)
    {
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.PostAsync(Generate, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.False(string.IsNullOrWhiteSpace((await response.JsonAsync()).GetProperty("detail").GetString()));
        Assert.Equal(0, await TaskCountAsync(learner.Id));
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        var learner = await fixture.SignUpAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"prompt\": \"learn X\"}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3; // a lead byte without its continuation

        var response = await learner.Client.PostAsync(Generate, new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await TaskCountAsync(learner.Id));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused()
    {
        var learner = await fixture.SignUpAsync();
        var json = "{\"prompt\": \"" + new string('a', 300 * 1024) + "\"}";

        var response = await learner.Client.PostAsync(Generate, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await TaskCountAsync(learner.Id));
    }

    [Fact]
    public async Task Sql_in_a_prompt_is_just_text()
    {
        var learner = await fixture.SignUpAsync();
        const string prompt = "Learn SQL in 7 days'); DROP TABLE user_tasks; --";

        var response = await learner.Client.GenerateAsync(prompt);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var taskId = (await response.JsonAsync()).GetProperty("task_id").GetString()!;
        await learner.Client.WaitForStatusAsync(taskId, TimeSpan.FromSeconds(60), "completed");
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        Assert.Equal(prompt, await connection.ExecuteScalarAsync<string>("SELECT prompt FROM user_tasks WHERE task_id = @taskId", new { taskId }));
        Assert.Equal(HttpStatusCode.NotFound, (await learner.Client.GetAsync("/api/tasks/' OR '1'='1/status")).StatusCode);
    }

    private async Task<int> TaskCountAsync(long userId)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM user_tasks WHERE user_id = @userId", new { userId });
    }
}
