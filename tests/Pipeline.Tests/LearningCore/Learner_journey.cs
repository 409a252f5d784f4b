using System.Net;
using System.Text.Json;
using Pipeline.Tests.Auth;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningCore;

[Collection(PipelineCollection.Name)]
public sealed class Learner_journey(PipelineFixture fixture)
{
    private const long ClientServer = 1; // HTTP Foundations, no prerequisites; URLs (2) and HTTP Messages (3) need only it

    [Fact]
    public async Task A_learner_goes_from_the_list_to_a_mastered_concept_with_a_pdf_certificate_and_progress_follows()
    {
        var learner = await fixture.SignUpAsync();
        await learner.CurriculumLoadedAsync();

        var listed = await learner.GetJsonAsync("/concepts?milestone=HTTP%20Foundations&status=new&limit=5");
        Assert.Equal(ClientServer, listed.GetProperty("concepts")[0].GetProperty("id").GetInt64());
        var detail = await learner.GetJsonAsync($"/concepts/{ClientServer}");
        Assert.Empty(detail.GetProperty("prerequisites").EnumerateArray());

        var started = await learner.PostJsonAsync($"/concepts/{ClientServer}/start",
            new { learning_mode = "guided", time_commitment = 60, preferred_resources = new[] { "video" } });
        Assert.Equal("active", started.GetProperty("status").GetString());
        var steps = started.GetProperty("learning_path").EnumerateArray().ToList();
        Assert.Equal("watch", steps[0].GetProperty("type").GetString());
        Assert.Equal("practice", steps[^1].GetProperty("type").GetString());
        var sessionId = started.GetProperty("session_id").GetString();

        var again = await learner.PostAsync($"/concepts/{ClientServer}/start", new { learning_mode = "guided" });
        await SeedShape.AssertErrorAsync(again, HttpStatusCode.Conflict, "CONFLICT");
        var learning = await learner.GetJsonAsync("/concepts?status=learning");
        Assert.Equal([ClientServer], learning.GetProperty("concepts").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToArray());

        // The quiz, answered from its key.
        var exercises = await learner.GetJsonAsync($"/exercises?concept_id={ClientServer}&type=quiz");
        var quiz = exercises.GetProperty("exercises")[0];
        Assert.Equal("available", quiz.GetProperty("status").GetString());
        var quizId = quiz.GetProperty("id").GetString()!;
        var attempt = await learner.PostJsonAsync($"/exercises/{quizId}/start", new { });
        Assert.All(attempt.GetProperty("exercise").GetProperty("questions").EnumerateArray(), q => Assert.False(q.TryGetProperty("answer", out _)));
        var key = await AnswerKeyAsync(quizId);
        var graded = await learner.PostJsonAsync($"/exercises/{quizId}/submit",
            new { session_id = attempt.GetProperty("session_id").GetString(), solution = new { answers = key } });
        Assert.Equal("passed", graded.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(graded.GetProperty("result").GetProperty("max_score").GetDouble(), graded.GetProperty("result").GetProperty("score").GetDouble());
        var firstAchievements = graded.GetProperty("achievements").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains("first_exercise", firstAchievements);
        Assert.Contains("perfect_quiz", firstAchievements);
        var resubmit = await learner.PostAsync($"/exercises/{quizId}/submit",
            new { session_id = attempt.GetProperty("session_id").GetString(), solution = new { answers = key } });
        await SeedShape.AssertErrorAsync(resubmit, HttpStatusCode.Conflict, "CONFLICT");

        var completed = await learner.PostJsonAsync($"/concepts/{ClientServer}/complete",
            new { session_id = sessionId, completion_type = "mastered", time_spent = 1800, quiz_score = 1.0, exercises_completed = new[] { quizId } });
        Assert.Equal("mastered", completed.GetProperty("status").GetString());
        Assert.True(completed.GetProperty("mastery_score").GetDouble() >= 0.8, completed.ToString());
        var unlocked = completed.GetProperty("achievements_unlocked").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains("first_mastery", unlocked);
        Assert.Contains("fast_learner", unlocked);
        Assert.Contains(2L, completed.GetProperty("next_concepts").Ids());
        Assert.Contains(3L, completed.GetProperty("next_concepts").Ids());

        var certificate = await learner.Client.GetAsync(completed.GetProperty("certificate_url").GetString(), LearnTrac.Cancel);
        Assert.Equal(HttpStatusCode.OK, certificate.StatusCode);
        Assert.Equal("application/pdf", certificate.Content.Headers.ContentType?.MediaType);
        var pdf = await certificate.Content.ReadAsByteArrayAsync(LearnTrac.Cancel);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var stranger = await fixture.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(completed.GetProperty("certificate_url").GetString(), LearnTrac.Cancel)).StatusCode);

        var progress = await learner.GetJsonAsync("/progress");
        var overall = progress.GetProperty("overall_progress");
        Assert.Equal(150, overall.GetProperty("total_concepts").GetInt32());
        Assert.Equal(1, overall.GetProperty("completed_concepts").GetInt32());
        Assert.Equal(1, overall.GetProperty("mastered_concepts").GetInt32());
        Assert.Equal(0, overall.GetProperty("in_progress_concepts").GetInt32());
        Assert.Equal("completed", progress.GetProperty("recent_activity")[0].GetProperty("action").GetString());
        var http = progress.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "HTTP Foundations");
        Assert.Equal(1, http.GetProperty("completed").GetInt32());
        Assert.Equal("http", progress.GetProperty("strengths")[0].GetProperty("area").GetString());
        Assert.DoesNotContain(progress.GetProperty("recommendations").EnumerateArray(), r => r.GetProperty("concept_id").GetInt64() == ClientServer);

        var history = await learner.GetJsonAsync("/progress/history?granularity=week");
        var totals = history.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("concepts_completed").GetInt32());
        Assert.Equal(1, totals.GetProperty("concepts_mastered").GetInt32());
        var thisWeek = history.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(1, thisWeek.GetProperty("exercises_completed").GetInt32());
        Assert.Equal(1.0, thisWeek.GetProperty("quiz_average").GetDouble());

        var recommendations = await learner.GetJsonAsync("/adaptive/recommendations?count=5");
        var recommended = recommendations.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(5, recommended.Count);
        Assert.DoesNotContain(recommended, r => r.GetProperty("concept_id").GetInt64() == ClientServer);
        Assert.Contains(recommended, r => r.GetProperty("reason").GetString() == "Natural progression from completed Client-Server Model");

        // Every action is in the learning log.
        var verbs = await fixture.QueryScalarAsync<string>("""
            SELECT string_agg(object_type || ':' || verb, ',' ORDER BY id) FROM learning_events WHERE user_id = @id
            """, new { id = learner.Id });
        Assert.Equal("concept:started,exercise:started,exercise:submitted,concept:completed", verbs);
        var exercisesAfter = await learner.GetJsonAsync($"/exercises?concept_id={ClientServer}&status=completed");
        Assert.Equal(1, exercisesAfter.GetProperty("completed").GetInt32());
    }

    [Fact]
    public async Task A_design_answer_is_graded_against_its_requirements_and_achievements_are_awarded_once()
    {
        var learner = await fixture.SignUpAsync();
        await learner.CurriculumLoadedAsync();
        var designs = await learner.GetJsonAsync("/exercises?type=design&limit=100");
        var design = designs.GetProperty("exercises").EnumerateArray().First(e => e.GetProperty("title").GetString()!.Contains("Understanding REST Principles"));
        var id = design.GetProperty("id").GetString()!;

        var poor = await SubmitAsync(learner, id, "I would make an API.");
        var good = await SubmitAsync(learner, id, """
            # Users API applying REST principles

            Resources with a uniform interface; stateless requests; representations link to each other (rest, architecture).
            - GET /users lists users (200), POST /users creates one (201 with Location)
            - GET /users/{id} returns 200 or 404
            ```
            GET /users/42 -> 200 {"id": 42, "links": {"self": "/users/42"}}
            ```
            """);
        Assert.True(good.GetProperty("result").GetProperty("score").GetDouble() > poor.GetProperty("result").GetProperty("score").GetDouble());
        Assert.Equal("passed", good.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("failed", poor.GetProperty("result").GetProperty("status").GetString());
        Assert.StartsWith("[Offline content]", good.GetProperty("feedback").GetProperty("detailed_feedback").GetString());
        Assert.NotEmpty(poor.GetProperty("feedback").GetProperty("improvements").EnumerateArray());
        Assert.NotEmpty(poor.GetProperty("feedback").GetProperty("suggested_reading").EnumerateArray());
        Assert.Contains(good.GetProperty("achievements").EnumerateArray(), a => a.GetProperty("id").GetString() == "first_api_design");

        var again = await SubmitAsync(learner, id, """
            # Users API applying REST principles, again
            Resources, uniform interface, stateless, links (rest, architecture). GET /users 200, POST /users 201.
            """);
        Assert.DoesNotContain(again.GetProperty("achievements").EnumerateArray(), a => a.GetProperty("id").GetString() == "first_api_design");
        Assert.Equal(1, await fixture.QueryScalarAsync<long>(
            "SELECT count(*) FROM user_achievements WHERE user_id = @id AND achievement_id = 'first_api_design'", new { id = learner.Id }));
        Assert.Equal(3, await fixture.QueryScalarAsync<long>(
            "SELECT count(*) FROM learning_events WHERE user_id = @id AND object_type = 'exercise' AND verb = 'submitted' AND score BETWEEN 0 AND 1",
            new { id = learner.Id }));
    }

    private static async Task<JsonElement> SubmitAsync(TestUser learner, string exerciseId, string answer)
    {
        var attempt = await learner.PostJsonAsync($"/exercises/{exerciseId}/start", new { });
        return await learner.PostJsonAsync($"/exercises/{exerciseId}/submit",
            new { session_id = attempt.GetProperty("session_id").GetString(), solution = new { code = answer, language = "markdown" }, request_feedback = true });
    }

    private async Task<int[]> AnswerKeyAsync(string exerciseId)
    {
        var json = await fixture.QueryScalarAsync<string>("SELECT questions::text FROM exercises WHERE id = @id",
            new { id = long.Parse(exerciseId["ex-".Length..]) });
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(q => q.GetProperty("answer").GetInt32()).ToArray();
    }
}
