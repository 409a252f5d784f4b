using Pipeline.Handlers.Scheduling;
using Pipeline.Handlers.Stages;

namespace Pipeline.Tests.Ops;

/// <summary>
/// The client's requirement: with the default retry settings, a task whose LLM keeps failing ends failed within three
/// minutes. Running it for real takes ~2.5 minutes, so the end-to-end path runs with scaled-down settings
/// (<see cref="Failed_messages"/>) and the defaults are checked here by arithmetic.
/// </summary>
public sealed class Retry_budget
{
    [Fact]
    public void With_the_default_settings_a_stage_whose_llm_keeps_failing_faults_within_three_minutes()
    {
        var defaults = new StageRetryOptions();
        // A failing provider that takes up to half a second to answer each call with an error.
        var longest = defaults.LongestTimeToFault(TimeSpan.FromMilliseconds(500), new SchedulerOptions().PollInterval);

        // 4 deliveries × (5 × 0.5 s + 4 × 3 s) + (10 + 30 + 60 s + 3 × 0.25 s) = 58 s + 100.75 s
        Assert.Equal(TimeSpan.FromSeconds(158.75), longest);
        Assert.True(longest < TimeSpan.FromMinutes(3));
    }
}
