using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningPaths;

public sealed class A_stage_without_progress(StageTimeoutFixture fixture) : IClassFixture<StageTimeoutFixture>
{
    [Fact]
    public async Task Is_re_sent_then_times_out_and_a_retry_completes_the_task()
    {
        // The provider never answers goal extraction: no progress, no error either.
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = r => r.SchemaName == "learning_goals" ? FakeChatReply.Hang() : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();
        var taskId = (await (await learner.Client.GenerateInBackgroundAsync("I want to learn sailing in 14 days")).JsonAsync())
            .GetProperty("task_id").GetString()!;

        var timedOut = await learner.Client.WaitForStatusAsync(taskId, TimeSpan.FromSeconds(30), "timeout");

        Assert.Equal("extracting_goals", timedOut.GetProperty("stage").GetString());
        Assert.Contains("no progress", timedOut.GetProperty("result_message").GetString());
        // The stage was sent once and re-sent once (MaxStageResends = 1).
        Assert.Equal(2, fixture.Llm.Requests.Count(r => r.SchemaName == "learning_goals"));

        fixture.Llm.Behaviour = _ => FakeChatReply.Valid();
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await learner.Client.PostAsync($"/api/tasks/{taskId}/retry", null)).StatusCode);
        var done = await learner.Client.WaitForStatusAsync(taskId, TimeSpan.FromSeconds(30), "completed");
        Assert.True(done.GetProperty("completed_items").GetInt32() > 0);
    }
}
