using System.Net;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Security;

/// <summary>One user cannot hold unbounded event streams, and a stream ends when its login session is revoked.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Open_streams(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> RunningTaskAsync(TestUser user)
    {
        var taskId = $"task-{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        await connection.ExecuteAsync(
            "INSERT INTO user_tasks (task_id, correlation_id, user_id, status, stage, prompt) VALUES (@taskId, @id, @user, 'running', 'generating_cards', 'x')",
            new { taskId, id = Guid.NewGuid(), user = user.Id });
        return taskId;
    }

    [Fact]
    public async Task A_user_holds_at_most_ten_streams_and_logging_out_ends_them()
    {
        var learner = await fixture.SignUpAsync();
        var taskId = await RunningTaskAsync(learner);

        var streams = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            var open = await learner.Client.GetAsync($"/api/tasks/{taskId}/events", HttpCompletionOption.ResponseHeadersRead, Cancel);
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            streams.Add(open);
        }
        var eleventh = await learner.Client.GetAsync($"/api/tasks/{taskId}/events", HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        // Someone else is not affected.
        var other = await fixture.SignUpAsync();
        var theirs = await other.Client.GetAsync($"/api/tasks/{await RunningTaskAsync(other)}/events", HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        theirs.Dispose();

        Assert.Equal(HttpStatusCode.OK, (await learner.Client.PostAsync("/api/v1/auth/logout", null, Cancel)).StatusCode);

        // Every stream reaches its end (the body completes) soon after the session is revoked.
        var ends = streams.Select(async s =>
        {
            await using var body = await s.Content.ReadAsStreamAsync(Cancel);
            var buffer = new byte[4096];
            while (await body.ReadAsync(buffer, Cancel) > 0) { }
        });
        await Task.WhenAll(ends).WaitAsync(TimeSpan.FromSeconds(30), Cancel);
    }
}
