using System.Net;
using Pipeline.Tests.Auth;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningCore;

/// <summary>Seed 003's error envelope on the learning core's routes: 401, 403, 404 and 400.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Seed_errors(PipelineFixture fixture)
{
    [Theory]
    [InlineData("/concepts")]
    [InlineData("/concepts/1")]
    [InlineData("/knowledge/graph")]
    [InlineData("/knowledge/path?to=100")]
    [InlineData("/exercises")]
    [InlineData("/progress")]
    [InlineData("/progress/history")]
    [InlineData("/adaptive/recommendations")]
    public async Task Without_a_token_every_route_is_a_401_authentication_error(string path)
    {
        var response = await fixture.CreateClient().GetAsync(LearnTrac.Prefix + path, LearnTrac.Cancel);
        await SeedShape.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
    }

    [Fact]
    public async Task A_student_asking_for_another_learners_progress_gets_403_and_an_instructor_gets_it()
    {
        var student = await fixture.SignUpAsync();
        var other = await fixture.SignUpAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        var admin = await fixture.SignUpAsync("admin");
        await SeedShape.AssertErrorAsync(await student.GetAsync($"/progress/{other.Id}"), HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
        Assert.Equal(other.Id.ToString(), (await instructor.GetJsonAsync($"/progress/{other.Id}")).GetProperty("user_id").GetString());
        Assert.Equal(other.Id.ToString(), (await admin.GetJsonAsync($"/progress/{other.Id}")).GetProperty("user_id").GetString());
        await SeedShape.AssertErrorAsync(await instructor.GetAsync("/progress/99999999"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("/concepts/99999999")]
    [InlineData("/exercises/ex-99999999/start")]
    [InlineData("/knowledge/path?to=99999999")]
    public async Task Unknown_ids_are_404_not_found(string path)
    {
        var student = await fixture.SignUpAsync();
        var response = path.EndsWith("/start") ? await student.PostAsync(path, new { }) : await student.GetAsync(path);
        await SeedShape.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("/concepts?limit=101")]
    [InlineData("/concepts?limit=0")]
    [InlineData("/concepts?offset=-1")]
    [InlineData("/concepts?status=forgotten")]
    [InlineData("/concepts?difficulty=7")]
    [InlineData("/concepts?type=epic")]
    [InlineData("/concepts?limit=lots")]
    [InlineData("/concepts/abc")]
    [InlineData("/knowledge/path")]
    [InlineData("/knowledge/path?to=100&optimize_for=fun")]
    [InlineData("/exercises?type=essay")]
    [InlineData("/progress?timeframe=decade")]
    [InlineData("/progress/history?granularity=hour")]
    [InlineData("/progress/history?start_date=2024-02-01&end_date=2024-01-01")]
    [InlineData("/adaptive/recommendations?count=0")]
    public async Task Bad_filters_are_400_validation_errors(string path)
    {
        var student = await fixture.SignUpAsync();
        var response = await student.GetAsync(path);
        var message = await SeedShape.AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task Bad_bodies_are_400_validation_errors_with_the_offending_field()
    {
        var student = await fixture.SignUpAsync();
        await student.CurriculumLoadedAsync();
        var start = await student.PostAsync("/concepts/5/start", new { learning_mode = "osmosis" });
        await SeedShape.AssertErrorAsync(start, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var feedback = await student.PostAsync("/adaptive/feedback", new { concept_id = 5, difficulty_rating = 9 });
        await SeedShape.AssertErrorAsync(feedback, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var complete = await student.PostAsync("/concepts/5/complete", new { completion_type = "mastered", quiz_score = 3 });
        await SeedShape.AssertErrorAsync(complete, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var notStarted = await student.PostAsync("/concepts/5/complete", new { completion_type = "completed" });
        await SeedShape.AssertErrorAsync(notStarted, HttpStatusCode.Conflict, "CONFLICT");
    }
}
