using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Domain.Tasks;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningPaths;

/// <summary>A retry is AI work: hammering one failed task cannot turn into unbounded LLM calls.</summary>
[Collection(OpenAiPipelineCollection.Name)]
public sealed class Retrying_a_failed_task(OpenAiPipelineFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Fifty_concurrent_retries_of_one_failed_task_run_it_once()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = r => r.SchemaName == "section_cards" ? FakeChatReply.Error(400, "This model cannot write cards") : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();
        var taskId = (await (await learner.Client.GenerateAsync("Learn pottery in 10 days")).JsonAsync()).GetProperty("task_id").GetString()!;
        var firstFailure = (await learner.Client.WaitForStatusAsync(taskId, Deadline, "failed")).GetProperty("updated_at").GetString();
        var callsWhenFailed = fixture.Llm.Requests.Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => learner.Client.PostAsync($"/api/tasks/{taskId}/retry", null)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.All(refused, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.Conflict }));
        // A refusal is 429 while the task still reads failed (too soon after the admitted retry) and 409 once the saga
        // has taken the retry (no longer failed): which of them each request meets depends on timing, so both are allowed
        // here; A_retry_sooner_than_the_gap_is_a_429_with_retry_after pins the 429 down.
        Assert.All(refused.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.NotNull(a.Headers.RetryAfter?.Delta));
        // The retried run ends failed again (the status still says "failed" until the saga has taken the retry).
        await Eventually.ReturnsAsync(() => learner.Client.StatusAsync(taskId),
            s => s.GetProperty("status").GetString() == "failed" && s.GetProperty("updated_at").GetString() != firstFailure, Deadline,
            "the retried run to fail again");
        // One retry's worth of card calls (each section once, plus bounded in-process retries), not fifty.
        var sections = (await (await learner.Client.GetAsync($"/api/tasks/{taskId}/status")).JsonAsync()).GetProperty("total_items").GetInt32();
        Assert.InRange(fixture.Llm.Requests.Count - callsWhenFailed, 1, Math.Max(1, sections) * 4 + 4);
    }

    [Fact]
    public async Task A_retry_sooner_than_the_gap_is_a_429_with_retry_after()
    {
        var learner = await fixture.SignUpAsync();
        // A failed task the saga does not know: it drops the retry command, so the row stays failed and the second
        // request meets the gap, not a running task.
        var taskId = await FailedTaskRowAsync(learner);

        Assert.Equal(HttpStatusCode.Accepted, (await learner.Client.PostAsync($"/api/tasks/{taskId}/retry", null)).StatusCode);
        var tooSoon = await learner.Client.PostAsync($"/api/tasks/{taskId}/retry", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.InRange(tooSoon.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Each_retry_waits_twice_as_long_as_the_last_and_the_count_is_bounded()
    {
        var learner = await fixture.SignUpAsync();
        var taskId = await FailedTaskRowAsync(learner);
        var tasks = fixture.HandlerServices.GetRequiredService<TaskStore>();
        var gap = TimeSpan.FromSeconds(1);

        Assert.Equal(RetryVerdict.Admitted, (await tasks.AdmitRetryAsync(taskId, 2, gap, default)).Verdict);
        var tooSoon = await tasks.AdmitRetryAsync(taskId, 2, gap, default);
        Assert.Equal(RetryVerdict.TooSoon, tooSoon.Verdict);
        Assert.Equal(1, tooSoon.WaitSeconds);
        await Task.Delay(gap + TimeSpan.FromMilliseconds(200));
        Assert.Equal(RetryVerdict.Admitted, (await tasks.AdmitRetryAsync(taskId, 2, gap, default)).Verdict);
        var second = await tasks.AdmitRetryAsync(taskId, 2, gap, default);
        Assert.Equal(RetryVerdict.TooManyRetries, second.Verdict);
        Assert.Equal(2, second.RetryCount);
    }

    /// <summary>A task row that reads failed, owned by <paramref name="learner"/>, with no saga behind it.</summary>
    private async Task<string> FailedTaskRowAsync(TestUser learner)
    {
        var taskId = $"task-{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        await connection.ExecuteAsync(
            "INSERT INTO user_tasks (task_id, correlation_id, user_id, status, prompt) VALUES (@taskId, @id, @user, 'failed', 'x')",
            new { taskId, id = Guid.NewGuid(), user = learner.Id });
        return taskId;
    }
}
