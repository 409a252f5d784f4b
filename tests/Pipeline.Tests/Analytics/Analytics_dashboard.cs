using System.Net;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Analytics;

public sealed class Analytics_dashboard(AnalyticsFixture fixture) : IClassFixture<AnalyticsFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private async Task<TestUser> ActiveLearnerAsync()
    {
        var learner = await fixture.SignUpAsync();
        // All on one UTC day (the learner's most active days are one day): in a day's first 40 minutes, late yesterday.
        var now = DateTimeOffset.UtcNow;
        if (now.TimeOfDay < TimeSpan.FromMinutes(40)) now = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddMinutes(-1);
        await fixture.CompleteConceptAsync(learner.Id, 1230, "HTTP Protocol Basics", 0.95, 3600, "backend", "API Development", now.AddMinutes(-30));
        await fixture.CompleteConceptAsync(learner.Id, 1234, "Understanding REST API Design", 0.75, 1800, "backend", "API Development", now.AddMinutes(-10));
        for (var i = 0; i < 3; i++)
            await fixture.SubmitExerciseAsync(learner.Id, 90 + i, 1567, 0.2, false, now.AddMinutes(-5 + i));
        await fixture.SubmitExerciseAsync(learner.Id, 95, 1567, 0.9, true, now);
        return learner;
    }

    private static Task<JsonElement> GetAsync(TestUser user, string path) =>
        Eventually.ReturnsAsync(async () => await (await user.Client.GetAsync(path)).JsonAsync(), _ => true, Deadline);

    [Fact]
    public async Task A_learners_dashboard_sums_their_completions_mastery_hours_and_struggles()
    {
        var learner = await ActiveLearnerAsync();

        // The rollups follow the bus events: poll until all six are in.
        var dashboard = await Eventually.ReturnsAsync(async () => await (await learner.Client.GetAsync("/api/learntrac/v1/analytics/dashboard?timeframe=week")).JsonAsync(),
            d => d.GetProperty("summary").GetProperty("concepts_completed").GetInt64() == 2
                 && d.GetProperty("struggling_areas").GetArrayLength() == 1
                 && d.GetProperty("struggling_areas")[0].GetProperty("average_attempts").GetDouble() == 4, Deadline, "the rollups");

        Assert.Equal("learner", dashboard.GetProperty("scope").GetString());
        var summary = dashboard.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("active_learners").GetInt64());
        Assert.Equal(0.85, summary.GetProperty("average_mastery_score").GetDouble());
        Assert.Equal(1.5, summary.GetProperty("total_learning_hours").GetDouble());
        var struggling = dashboard.GetProperty("struggling_areas")[0];
        Assert.Equal(1567, struggling.GetProperty("concept_id").GetInt64());
        Assert.Equal(0.75, struggling.GetProperty("failure_rate").GetDouble());
        var top = dashboard.GetProperty("top_concepts")[0];
        Assert.Equal(1230, top.GetProperty("concept_id").GetInt64());
        Assert.Equal("HTTP Protocol Basics", top.GetProperty("title").GetString());
        Assert.Equal(3600, top.GetProperty("average_time").GetInt64());
        Assert.Equal(1.0, dashboard.GetProperty("trends").GetProperty("completion_rate").GetProperty("current").GetDouble());
        var path = dashboard.GetProperty("learning_paths").GetProperty("most_successful")[0];
        Assert.Equal([1230L, 1234L], path.GetProperty("path").EnumerateArray().Select(p => p.GetInt64()));
    }

    [Fact]
    public async Task Learner_analytics_are_for_instructors_or_the_learner_themself()
    {
        var learner = await ActiveLearnerAsync();
        var other = await fixture.SignUpAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        var path = $"/api/learntrac/v1/analytics/learner/{learner.Id}";

        var analytics = await Eventually.ReturnsAsync(async () => await (await instructor.Client.GetAsync(path)).JsonAsync(),
            a => a.GetProperty("performance_metrics").GetProperty("exercise_success_rate").ValueKind == JsonValueKind.Number
                 && a.GetProperty("performance_metrics").GetProperty("exercise_success_rate").GetDouble() == 0.25
                 && a.GetProperty("performance_metrics").GetProperty("overall_mastery").ValueKind == JsonValueKind.Number
                 && a.GetProperty("performance_metrics").GetProperty("overall_mastery").GetDouble() == 0.85, Deadline, "the rollups");

        Assert.Equal(learner.Id.ToString(), analytics.GetProperty("user_id").GetString());
        Assert.Equal(0.5, analytics.GetProperty("performance_metrics").GetProperty("concepts_per_week").GetDouble());
        Assert.Equal(0.38, analytics.GetProperty("performance_metrics").GetProperty("quiz_average").GetDouble());
        Assert.Equal(["backend"], analytics.GetProperty("learning_profile").GetProperty("strength_areas").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(45, analytics.GetProperty("learning_profile").GetProperty("average_session_length").GetInt64());
        Assert.Equal("API Development", analytics.GetProperty("milestone_progress")[0].GetProperty("milestone").GetString());
        Assert.Equal("decrease", analytics.GetProperty("recommendations").GetProperty("suggested_pace_adjustment").GetString());
        Assert.Contains("practice more exercises", analytics.GetProperty("recommendations").GetProperty("focus_areas").EnumerateArray().Select(f => f.GetString()));
        Assert.Single(analytics.GetProperty("engagement_patterns").GetProperty("most_active_days").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await learner.Client.GetAsync(path)).StatusCode);
        var refused = await other.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("AUTHORIZATION_ERROR", (await refused.JsonAsync()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync($"/api/learntrac/v1/analytics/dashboard?user_id={learner.Id}")).StatusCode);
    }

    [Fact]
    public async Task Instructors_see_the_cohort()
    {
        var learner = await ActiveLearnerAsync();
        var instructor = await fixture.SignUpAsync("instructor");

        var cohort = await Eventually.ReturnsAsync(async () => await (await instructor.Client.GetAsync("/api/learntrac/v1/analytics/dashboard")).JsonAsync(),
            d => d.GetProperty("summary").GetProperty("concepts_completed").GetInt64() >= 2, Deadline, "the rollups");
        Assert.Equal("cohort", cohort.GetProperty("scope").GetString());
        Assert.True(cohort.GetProperty("summary").GetProperty("active_learners").GetInt64() >= 1);
        Assert.Contains(cohort.GetProperty("top_concepts").EnumerateArray(), c => c.GetProperty("concept_id").GetInt64() == 1234);

        var one = await (await instructor.Client.GetAsync($"/api/learntrac/v1/analytics/dashboard?user_id={learner.Id}")).JsonAsync();
        Assert.Equal("learner", one.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await instructor.Client.GetAsync("/api/learntrac/v1/analytics/dashboard?timeframe=decade")).StatusCode);
    }
}
