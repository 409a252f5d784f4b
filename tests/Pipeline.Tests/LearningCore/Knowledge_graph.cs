using System.Net;
using System.Text.Json;
using Pipeline.Tests.Auth;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningCore;

[Collection(PipelineCollection.Name)]
public sealed class Knowledge_graph(PipelineFixture fixture)
{
    private const long AdvancedSecurity = 100; // Advanced REST API Security: the security milestone's capstone

    [Fact]
    public async Task The_path_to_an_advanced_concept_holds_every_unmastered_prerequisite_before_its_dependants_and_mastered_ones_drop_out()
    {
        var learner = await fixture.SignUpAsync();
        await learner.CurriculumLoadedAsync();
        var closure = await PrerequisiteClosureAsync(AdvancedSecurity);

        foreach (var optimizeFor in new[] { "prerequisites", "time", "difficulty" })
        {
            var path = await learner.GetJsonAsync($"/knowledge/path?to={AdvancedSecurity}&optimize_for={optimizeFor}");
            var order = StepIds(path);
            Assert.Equal(closure.Nodes.Order(), order.Order());
            Assert.Equal(AdvancedSecurity, order[^1]);
            AssertPrerequisitesFirst(order, closure.Edges);
            Assert.Equal(order.Count, path.GetProperty("total_concepts").GetInt32());
            Assert.Equal("Target concept", path.GetProperty("path")[order.Count - 1].GetProperty("reason").GetString());
            Assert.Equal("available", path.GetProperty("path")[0].GetProperty("status").GetString());
            foreach (var alternative in path.GetProperty("alternative_paths").EnumerateArray())
                AssertPrerequisitesFirst(alternative.GetProperty("path").Ids().ToList(), closure.Edges);
        }

        // Master the two roots of HTTP: they (and only they) leave the path.
        foreach (var id in new long[] { 1, 2 })
            await MasterAsync(learner, id);
        var after = StepIds(await learner.GetJsonAsync($"/knowledge/path?to={AdvancedSecurity}"));
        Assert.DoesNotContain(1L, after);
        Assert.DoesNotContain(2L, after);
        Assert.Equal(closure.Nodes.Count - 2, after.Count);
        AssertPrerequisitesFirst(after, closure.Edges);

        // From a starting concept: it comes first, then what is still needed.
        var from = await learner.GetJsonAsync($"/knowledge/path?from=50&to={AdvancedSecurity}");
        var fromOrder = StepIds(from);
        Assert.Equal(50L, fromOrder[0]);
        Assert.Equal("Starting point", from.GetProperty("path")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_graph_around_a_concept_has_its_neighbours_edges_clusters_and_the_learners_mastery()
    {
        var learner = await fixture.SignUpAsync();
        await learner.CurriculumLoadedAsync();
        await MasterAsync(learner, 1);
        var graph = await learner.GetJsonAsync("/knowledge/graph?center_concept=3&depth=1&include_mastery=true");
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Contains("concept-3", nodes.Keys);
        Assert.Contains("concept-1", nodes.Keys); // its prerequisite
        Assert.Contains("concept-4", nodes.Keys); // HTTP Methods needs it
        Assert.True(nodes["concept-1"].GetProperty("mastery").GetDouble() >= 0.8);
        Assert.Equal("mastered", nodes["concept-1"].GetProperty("status").GetString());
        Assert.Equal("available", nodes["concept-3"].GetProperty("status").GetString());
        Assert.Equal("locked", nodes["concept-4"].GetProperty("status").GetString());
        Assert.Contains(graph.GetProperty("edges").EnumerateArray(), e => e.GetProperty("source").GetString() == "concept-1"
            && e.GetProperty("target").GetString() == "concept-3" && e.GetProperty("relationship").GetString() == "prerequisite_for");
        Assert.Contains(graph.GetProperty("clusters").EnumerateArray(), c => c.GetProperty("id").GetString() == "http-cluster");

        var deeper = await learner.GetJsonAsync("/knowledge/graph?center_concept=3&depth=3");
        Assert.True(deeper.GetProperty("nodes").GetArrayLength() > nodes.Count);
        Assert.False(deeper.GetProperty("nodes")[0].TryGetProperty("mastery", out _));
        await SeedShape.AssertErrorAsync(await learner.GetAsync("/knowledge/graph?center_concept=3&depth=6"), HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await SeedShape.AssertErrorAsync(await learner.GetAsync("/knowledge/graph?center_concept=999999"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Instructors_add_relationships_a_cycle_is_a_409_and_students_get_403()
    {
        var student = await fixture.SignUpAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        await student.CurriculumLoadedAsync();

        var refused = await student.PostAsync("/knowledge/relationships",
            new { source_concept = 129, target_concept = 141, relationship_type = "related_to", weight = 0.7 });
        await SeedShape.AssertErrorAsync(refused, HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");

        var related = await instructor.Client.PostAsync(LearnTrac.Prefix + "/knowledge/relationships", JsonContent(new
        {
            source_concept = 129, target_concept = 141, relationship_type = "related_to", weight = 0.7, bidirectional = true,
            notes = "Both are about running services",
        }), LearnTrac.Cancel);
        Assert.Equal(HttpStatusCode.Created, related.StatusCode);
        var body = await related.JsonAsync();
        Assert.StartsWith("rel-", body.GetProperty("relationship_id").GetString());
        Assert.Equal("related_to", body.GetProperty("type").GetString());
        var graph = await instructor.GetJsonAsync("/knowledge/graph?center_concept=129&depth=1");
        var edges = graph.GetProperty("edges").EnumerateArray().Where(e => e.GetProperty("relationship").GetString() == "related_to").ToList();
        Assert.Contains(edges, e => e.GetProperty("source").GetString() == "concept-129" && e.GetProperty("target").GetString() == "concept-141");
        Assert.Contains(edges, e => e.GetProperty("source").GetString() == "concept-141" && e.GetProperty("target").GetString() == "concept-129");

        // HTTP Messages (3) is (transitively) a prerequisite of REST API Design (50): the reverse edge is a cycle.
        var cycle = await instructor.PostAsync("/knowledge/relationships",
            new { source_concept = 50, target_concept = 3, relationship_type = "prerequisite_for", weight = 1.0 });
        await SeedShape.AssertErrorAsync(cycle, HttpStatusCode.Conflict, "CONFLICT");
        var unknown = await instructor.PostAsync("/knowledge/relationships",
            new { source_concept = 999999, target_concept = 3, relationship_type = "related_to" });
        await SeedShape.AssertErrorAsync(unknown, HttpStatusCode.NotFound, "NOT_FOUND");
        var bad = await instructor.PostAsync("/knowledge/relationships", new { source_concept = 3, target_concept = 4, relationship_type = "likes" });
        await SeedShape.AssertErrorAsync(bad, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    private static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);

    private static List<long> StepIds(JsonElement path) =>
        path.GetProperty("path").EnumerateArray().Select(s => s.GetProperty("concept_id").GetInt64()).ToList();

    private static void AssertPrerequisitesFirst(List<long> order, IReadOnlyList<(long Source, long Target)> edges)
    {
        var position = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        foreach (var (source, target) in edges)
            if (position.TryGetValue(source, out var s) && position.TryGetValue(target, out var t))
                Assert.True(s < t, $"{source} must come before {target} in [{string.Join(", ", order)}]");
    }

    /// <summary>Starts a concept, passes its quiz and completes it with a full quiz score: BKT says mastered.</summary>
    internal static async Task MasterAsync(TestUser learner, long conceptId)
    {
        var started = await learner.PostJsonAsync($"/concepts/{conceptId}/start", new { });
        var quiz = (await learner.GetJsonAsync($"/exercises?concept_id={conceptId}&type=quiz")).GetProperty("exercises")[0].GetProperty("id").GetString();
        var attempt = await learner.PostJsonAsync($"/exercises/{quiz}/start", new { });
        var questions = attempt.GetProperty("exercise").GetProperty("questions").GetArrayLength();
        // Answers are not known here: a wrong quiz, then a full quiz score at completion, still has to reach mastery by evidence.
        await learner.PostJsonAsync($"/exercises/{quiz}/submit",
            new { session_id = attempt.GetProperty("session_id").GetString(), solution = new { answers = Enumerable.Repeat(0, questions) } });
        var done = await learner.PostJsonAsync($"/concepts/{conceptId}/complete",
            new { session_id = started.GetProperty("session_id").GetString(), quiz_score = 1.0, time_spent = 600 });
        if (done.GetProperty("status").GetString() != "mastered")
        {
            // More evidence: another session with a perfect quiz.
            var second = await learner.PostJsonAsync($"/concepts/{conceptId}/start", new { });
            done = await learner.PostJsonAsync($"/concepts/{conceptId}/complete",
                new { session_id = second.GetProperty("session_id").GetString(), quiz_score = 1.0, time_spent = 600 });
        }
        Assert.Equal("mastered", done.GetProperty("status").GetString());
    }

    private async Task<(HashSet<long> Nodes, List<(long Source, long Target)> Edges)> PrerequisiteClosureAsync(long target)
    {
        var text = await fixture.QueryScalarAsync<string>("""
            WITH RECURSIVE needed(id) AS (SELECT @target::bigint UNION
                SELECT e.source_id FROM concept_edges e JOIN needed n ON e.target_id = n.id WHERE e.relationship = 'prerequisite_for')
            SELECT coalesce(string_agg(e.source_id || '>' || e.target_id, ','), '') FROM concept_edges e
            WHERE e.relationship = 'prerequisite_for' AND e.target_id IN (SELECT id FROM needed)
            """, new { target });
        var edges = text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('>'))
            .Select(p => (long.Parse(p[0]), long.Parse(p[1]))).ToList();
        return (edges.SelectMany(e => new[] { e.Item1, e.Item2 }).Append(target).ToHashSet(), edges);
    }
}
