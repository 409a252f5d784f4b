using System.Diagnostics;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Ops;

/// <summary>The real retry chain as shipped: in-process retries, redeliveries through the PostgreSQL scheduler, then a fault.</summary>
public sealed class With_the_default_retry_settings(DefaultRetryFixture fixture) : IClassFixture<DefaultRetryFixture>
{
    [Fact]
    public async Task A_task_whose_llm_keeps_failing_ends_failed_within_three_minutes()
    {
        var learner = await fixture.SignUpAsync();
        var clock = Stopwatch.StartNew();
        var taskId = (await (await learner.Client.GenerateInBackgroundAsync("I want to learn trading in 30 days")).JsonAsync())
            .GetProperty("task_id").GetString()!;

        var failed = await learner.Client.WaitForStatusAsync(taskId, TimeSpan.FromMinutes(3), "failed");

        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"failed after {clock.Elapsed.TotalSeconds:0} s");
        Assert.Equal("extracting_goals", failed.GetProperty("stage").GetString());
        Assert.Contains("500", failed.GetProperty("error_details").GetString());
        // It really went through the redeliveries (10 s, 30 s, 60 s), not just the quick in-process retries.
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(100), $"failed after only {clock.Elapsed.TotalSeconds:0} s");
        Assert.Equal(4 * 5, fixture.Llm.CallCount); // (1 try + 4 in-process retries) × (1 delivery + 3 redeliveries)
    }
}
