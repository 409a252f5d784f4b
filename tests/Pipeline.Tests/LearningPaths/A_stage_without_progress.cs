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

    [Fact]
    public async Task Is_not_confused_with_a_slow_stage_that_keeps_moving()
    {
        // Each call takes 1.5 s against a 2 s stage timeout; card generation as a whole takes several timeouts long.
        fixture.Llm.Reset();
        fixture.Llm.Latency = TimeSpan.FromMilliseconds(1500);
        var learner = await fixture.SignUpAsync();
        var body = await (await learner.Client.GenerateAsync("I want to learn sailing in 30 days")).JsonAsync();

        var done = await learner.Client.WaitForStatusAsync(body.GetProperty("task_id").GetString()!, TimeSpan.FromSeconds(60), "completed", "timeout");

        Assert.Equal("completed", done.GetProperty("status").GetString());
        var sections = body.GetProperty("courses").EnumerateArray().Sum(c => c.GetProperty("sections").GetArrayLength());
        Assert.True(sections * 1.5 / 2 > 2, "the card stage must outlast the stage timeout for this test to mean anything");
        Assert.Equal(sections, fixture.Llm.Requests.Count(r => r.SchemaName == "section_cards")); // nothing re-sent
    }
}
