using System.Net;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Schedule_on_the_platform_api(PlatformFixture fixture)
{
    [Fact]
    public async Task A_weekly_block_is_expanded_on_its_days_in_the_users_time_zone_across_daylight_saving()
    {
        var ada = await fixture.SignUpAsync();
        await (await ada.Client.PatchJsonAsync($"/api/v1/users/{ada.Id}", new { time_zone = "Europe/Berlin" })).ExpectAsync(HttpStatusCode.OK);
        var block = await (await ada.Client.PostJsonAsync("/api/v1/schedule", new
        {
            title = "Linear algebra",
            start = "2026-12-07T09:00:00+01:00",
            end = "2026-12-07T10:30:00+01:00",
            recurring = "FREQ=WEEKLY;BYDAY=MO,WE",
        })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,WE", block.GetProperty("recurring").GetString());

        var wednesday = await (await ada.Client.GetAsync("/api/v1/schedule?date=2026-12-09")).ExpectAsync(HttpStatusCode.OK);
        var tuesday = await (await ada.Client.GetAsync("/api/v1/schedule?date=2026-12-08")).ExpectAsync(HttpStatusCode.OK);
        var summer = await (await ada.Client.GetAsync("/api/v1/schedule?date=2027-04-07")).ExpectAsync(HttpStatusCode.OK);
        var before = await (await ada.Client.GetAsync("/api/v1/schedule?date=2026-12-02")).ExpectAsync(HttpStatusCode.OK);

        var occurrence = Assert.Single(wednesday.Items());
        Assert.Equal("2026-12-09T09:00:00+01:00", occurrence.GetProperty("local_start").GetString());
        Assert.Equal("2026-12-09T10:30:00+01:00", occurrence.GetProperty("local_end").GetString());
        Assert.Empty(tuesday.Items());
        Assert.Empty(before.Items());
        Assert.Equal("2027-04-07T09:00:00+02:00", Assert.Single(summer.Items()).GetProperty("local_start").GetString());
    }

    [Fact]
    public async Task A_block_across_midnight_is_on_both_days_and_only_for_its_owner()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        await (await ada.Client.PostJsonAsync("/api/v1/schedule", new { title = "Night study", start = "2026-12-08T23:30:00Z", end = "2026-12-09T00:30:00Z" }))
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Single((await (await ada.Client.GetAsync("/api/v1/schedule?date=2026-12-08")).ExpectAsync(HttpStatusCode.OK)).Items());
        Assert.Single((await (await ada.Client.GetAsync("/api/v1/schedule?date=2026-12-09")).ExpectAsync(HttpStatusCode.OK)).Items());
        Assert.Empty((await (await bob.Client.GetAsync("/api/v1/schedule?date=2026-12-08")).ExpectAsync(HttpStatusCode.OK)).Items());
        await (await fixture.CreateClient().GetAsync("/api/v1/schedule?date=2026-12-08")).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_block_cannot_name_another_users_goal()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var goal = await (await ada.Client.PostJsonAsync("/api/v1/goals", new { title = "Ada's" })).ExpectAsync(HttpStatusCode.Created);

        await (await bob.Client.PostJsonAsync("/api/v1/schedule", new { title = "x", start = "2026-12-08T10:00:00Z", end = "2026-12-08T11:00:00Z", goal_id = goal.Id() }))
            .ExpectErrorAsync(HttpStatusCode.NotFound, "goal_id");
    }

    [Theory]
    [InlineData("""{"title": "x", "start": "2026-12-08T10:00:00Z", "end": "2026-12-08T09:00:00Z"}""", "end")]
    [InlineData("""{"title": "x", "start": "2026-12-08T10:00:00Z", "end": "2026-12-08T10:00:00Z"}""", "end")]
    [InlineData("""{"title": "x", "end": "2026-12-08T10:00:00Z"}""", "start")]
    [InlineData("""{"title": "x", "start": "tomorrow", "end": "2026-12-08T10:00:00Z"}""", "start")]
    [InlineData("""{"title": "x", "start": "2026-12-08T10:00:00Z", "end": "2026-12-08T11:00:00Z", "recurring": "EVERY MONDAY"}""", "recurring")]
    [InlineData("""{"title": "x", "start": "2026-12-08T10:00:00Z", "end": "2026-12-08T11:00:00Z", "recurring": "FREQ=SOMETIMES"}""", "recurring")]
    public async Task A_bad_block_is_400_naming_the_field(string body, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.SendRawAsync(HttpMethod.Post, "/api/v1/schedule", body)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/v1/schedule", "date")]
    [InlineData("/api/v1/schedule?date=2026-13-01", "date")]
    [InlineData("/api/v1/schedule?date=yesterday", "date")]
    public async Task A_bad_date_is_400(string path, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.GetAsync(path)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }
}
