using System.Net;
using System.Text.Json;
using Pipeline.Tests.Auth;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningCore;

/// <summary>
/// <c>active_session</c> on <c>GET /concepts/{id}</c>: a client that lost the session id from start (a reloaded page)
/// finds it there, and only its own.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class Active_concept_session(PipelineFixture fixture)
{
    private const long Concept = 1;

    [Fact]
    public async Task The_concept_detail_gives_the_callers_active_session_until_it_is_completed()
    {
        var learner = await fixture.SignUpAsync();
        await learner.CurriculumLoadedAsync();
        Assert.Equal(JsonValueKind.Null, (await learner.GetJsonAsync($"/concepts/{Concept}")).GetProperty("active_session").ValueKind);

        var started = await learner.PostJsonAsync($"/concepts/{Concept}/start", new { learning_mode = "self-paced" });
        var session = (await learner.GetJsonAsync($"/concepts/{Concept}")).GetProperty("active_session");
        Assert.Equal(started.GetProperty("session_id").GetString(), session.GetProperty("session_id").GetString());
        Assert.Equal(started.GetProperty("started_at").GetDateTimeOffset(), session.GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal("self-paced", session.GetProperty("learning_mode").GetString());

        var completed = await learner.PostJsonAsync($"/concepts/{Concept}/complete",
            new { session_id = session.GetProperty("session_id").GetString(), completion_type = "completed", time_spent = 60 });
        Assert.Equal(Concept, completed.GetProperty("concept_id").GetInt64());
        Assert.Equal(JsonValueKind.Null, (await learner.GetJsonAsync($"/concepts/{Concept}")).GetProperty("active_session").ValueKind);
    }

    [Fact]
    public async Task Another_users_session_is_not_visible_to_a_learner_or_an_instructor()
    {
        var learner = await fixture.SignUpAsync();
        await learner.CurriculumLoadedAsync();
        var started = await learner.PostJsonAsync($"/concepts/{Concept}/start", new { learning_mode = "guided" });
        Assert.Equal(started.GetProperty("session_id").GetString(),
            (await learner.GetJsonAsync($"/concepts/{Concept}")).GetProperty("active_session").GetProperty("session_id").GetString());

        foreach (var other in new[] { await fixture.SignUpAsync(), await fixture.SignUpAsync("instructor") })
        {
            Assert.Equal(JsonValueKind.Null, (await other.GetJsonAsync($"/concepts/{Concept}")).GetProperty("active_session").ValueKind);
            // Nor can they complete it with its id.
            var stolen = await other.PostAsync($"/concepts/{Concept}/complete",
                new { session_id = started.GetProperty("session_id").GetString(), completion_type = "completed" });
            await SeedShape.AssertErrorAsync(stolen, HttpStatusCode.NotFound, "NOT_FOUND");
        }
        Assert.Equal(started.GetProperty("session_id").GetString(),
            (await learner.GetJsonAsync($"/concepts/{Concept}")).GetProperty("active_session").GetProperty("session_id").GetString());
    }
}
