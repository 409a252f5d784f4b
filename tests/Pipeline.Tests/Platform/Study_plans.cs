using System.Net;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Study_plans(PlatformFixture fixture)
{
    [Fact]
    public async Task A_course_plan_suggests_weekday_evening_sessions_accepted_into_the_schedule_with_one_call()
    {
        var ada = await fixture.SignUpAsync();
        await (await ada.Client.PatchJsonAsync($"/api/v1/users/{ada.Id}", new { time_zone = "Europe/Berlin" })).ExpectAsync(HttpStatusCode.OK);
        var course = await (await ada.Client.PostJsonAsync("/api/v1/courses", new
        {
            title = "Chess basics",
            modules = new object[] { new { title = "Openings", estimated_hours = 1 }, new { title = "Endgames", estimated_hours = 3 } },
        })).ExpectAsync(HttpStatusCode.Created);

        var plan = await (await ada.Client.PostJsonAsync("/api/v1/ai/create-plan", new { courseId = course.Id(), start_date = "2027-03-05" })).ExpectAsync(HttpStatusCode.OK);

        Assert.StartsWith("[offline planner]", plan.GetProperty("summary").GetString());
        var blocks = plan.GetProperty("suggested_blocks").EnumerateArray().ToList();
        // Openings (1 h), then Endgames in two sessions of at most 2 h; Friday, then Monday and Tuesday (no weekend).
        Assert.Equal(["Openings", "Endgames (1/2)", "Endgames (2/2)"], blocks.Select(b => b.GetProperty("title").GetString()));
        Assert.Equal(["2027-03-05T18:00:00+01:00", "2027-03-08T18:00:00+01:00", "2027-03-09T18:00:00+01:00"],
            blocks.Select(b => b.GetProperty("start").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz")));

        var accepted = await (await ada.Client.PostJsonAsync("/api/v1/schedule/accept", new { blocks = plan.GetProperty("suggested_blocks") }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(3, accepted.Items().Count);
        var monday = await (await ada.Client.GetAsync("/api/v1/schedule?date=2027-03-08")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Endgames (1/2)", Assert.Single(monday.Items()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_goal_plan_is_the_owners_only_and_bad_bodies_are_400()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var goal = await (await ada.Client.PostJsonAsync("/api/v1/goals", new { title = "Read 10 chapters", target_value = 10, unit = "chapters" })).ExpectAsync(HttpStatusCode.Created);

        var plan = await (await ada.Client.PostJsonAsync("/api/v1/ai/create-plan", new { goalId = goal.Id() })).ExpectAsync(HttpStatusCode.OK);
        Assert.NotEmpty(plan.GetProperty("suggested_blocks").EnumerateArray());
        Assert.All(plan.GetProperty("suggested_blocks").EnumerateArray(), b => Assert.Equal(goal.Id(), b.GetProperty("goal_id").GetInt64()));

        await (await bob.Client.PostJsonAsync("/api/v1/ai/create-plan", new { goalId = goal.Id() })).ExpectErrorAsync(HttpStatusCode.NotFound, "goalId");
        await (await bob.Client.PostJsonAsync("/api/v1/schedule/accept", new { blocks = plan.GetProperty("suggested_blocks") })).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await ada.Client.SendRawAsync(HttpMethod.Post, "/api/v1/ai/create-plan", "{}")).ExpectErrorAsync(HttpStatusCode.BadRequest, "goalId");
        await (await ada.Client.SendRawAsync(HttpMethod.Post, "/api/v1/ai/create-plan", """{"goalId": "ten"}""")).ExpectErrorAsync(HttpStatusCode.BadRequest, "goalId");
        await (await ada.Client.SendRawAsync(HttpMethod.Post, "/api/v1/schedule/accept", """{"blocks": []}""")).ExpectErrorAsync(HttpStatusCode.BadRequest, "blocks");
        await (await fixture.CreateClient().PostJsonAsync("/api/v1/ai/create-plan", new { goalId = 1 })).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }
}
