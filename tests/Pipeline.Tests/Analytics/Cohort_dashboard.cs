using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Analytics;

/// <summary>A database of its own, so the cohort is exactly the learners a test creates.</summary>
public sealed class CohortAnalyticsFixture : PipelineFixture;

/// <summary>
/// The cohort dashboard from the per-learner activity bits, the per-day sums and the per-path counts (migration 0072),
/// against figures worked out by hand: the current month and the one before it, and paths that change as events arrive
/// out of order.
/// </summary>
public sealed class Cohort_dashboard(CohortAnalyticsFixture fixture) : IClassFixture<CohortAnalyticsFixture>
{
    [Fact]
    public async Task The_month_and_the_month_before_count_learners_days_and_paths_exactly()
    {
        var instructor = await fixture.SignUpAsync("instructor");
        var (a, b, c) = (await fixture.SignUpAsync(), await fixture.SignUpAsync(), await fixture.SignUpAsync());
        var now = DateTimeOffset.UtcNow;
        // a: two concepts this month (yesterday, today), well mastered: path [1, 2], a success.
        await fixture.CompleteConceptAsync(a.Id, 1, "One", 0.9, 600, "core", "M1", now.AddDays(-1));
        await fixture.CompleteConceptAsync(a.Id, 2, "Two", 0.9, 600, "core", "M1", now);
        // b: a failed exercise this month (active, not completing), a concept the month before.
        await fixture.SubmitExerciseAsync(b.Id, 7, 3, 0.1, false, now);
        await fixture.CompleteConceptAsync(b.Id, 3, "Three", 0.6, 60, "core", "M1", now.AddDays(-40));
        // c: three concepts the month before, reported out of order: its path goes [3], [1, 3], then [4, 1, 3].
        await fixture.CompleteConceptAsync(c.Id, 3, "Three", 0.5, 60, "core", "M1", now.AddDays(-35));
        await Eventually.ReturnsAsync(() => PathsAsync(instructor), p => p.Count == 1, TimeSpan.FromSeconds(30), "a's path");
        await fixture.CompleteConceptAsync(c.Id, 1, "One", 0.5, 60, "core", "M1", now.AddDays(-40));
        await Eventually.ReturnsAsync(() => PathsAsync(instructor), p => p.Count == 2, TimeSpan.FromSeconds(30), "c's path of two");
        await fixture.CompleteConceptAsync(c.Id, 4, "Four", 0.5, 60, "core", "M1", now.AddDays(-45));

        var dashboard = await Eventually.ReturnsAsync(async () => await (await instructor.Client.GetAsync("/api/learntrac/v1/analytics/dashboard")).JsonAsync(),
            d => d.GetProperty("trends").GetProperty("engagement_score").GetProperty("previous").GetDouble() == 0.07
                 && d.GetProperty("summary").GetProperty("active_learners").GetInt64() == 2
                 && d.GetProperty("learning_paths").GetProperty("most_successful").EnumerateArray().Any(p => p.GetProperty("path").GetArrayLength() == 3),
            TimeSpan.FromSeconds(30), "every event in the rollups");

        var summary = dashboard.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("active_learners").GetInt64());      // a and b
        Assert.Equal(2, summary.GetProperty("concepts_completed").GetInt64());   // a's two
        Assert.Equal(0.9, summary.GetProperty("average_mastery_score").GetDouble());
        Assert.Equal(0.3, summary.GetProperty("total_learning_hours").GetDouble());
        var completion = dashboard.GetProperty("trends").GetProperty("completion_rate");
        Assert.Equal(0.5, completion.GetProperty("current").GetDouble());       // a of a and b completed something
        Assert.Equal(1.0, completion.GetProperty("previous").GetDouble());      // b and c both did
        Assert.Equal(-50.0, completion.GetProperty("change_percentage").GetDouble());
        var engagement = dashboard.GetProperty("trends").GetProperty("engagement_score");
        Assert.Equal(0.05, engagement.GetProperty("current").GetDouble());      // 3 active days of 2 learners over 30 days
        Assert.Equal(0.07, engagement.GetProperty("previous").GetDouble());     // 4 active days of 2 learners
        var paths = await PathsAsync(instructor);
        Assert.Equal([[1L, 2L], [4L, 1L, 3L]], paths.Select(p => p.Path));     // c's earlier paths were taken back
        Assert.Equal([1.0, 0.0], paths.Select(p => p.SuccessRate));
    }

    private static async Task<List<(long[] Path, double SuccessRate)>> PathsAsync(TestUser instructor)
    {
        var dashboard = await (await instructor.Client.GetAsync("/api/learntrac/v1/analytics/dashboard")).JsonAsync();
        return dashboard.GetProperty("learning_paths").GetProperty("most_successful").EnumerateArray()
            .Select(p => (p.GetProperty("path").EnumerateArray().Select(x => x.GetInt64()).ToArray(), p.GetProperty("success_rate").GetDouble()))
            .ToList();
    }
}
