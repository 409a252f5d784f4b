using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningCore;

[Collection(PipelineCollection.Name)]
public sealed class Trac_curriculum(PipelineFixture fixture)
{
    [Fact]
    public async Task The_starter_curriculum_loads_on_a_fresh_database_as_concepts_with_prerequisites_objectives_and_exercises()
    {
        var learner = await fixture.SignUpAsync();
        var all = await learner.CurriculumLoadedAsync();
        Assert.Equal(150, all.GetProperty("total").GetInt32());
        Assert.Equal(150, await fixture.QueryScalarAsync<long>("SELECT count(*) FROM trac.ticket"));
        Assert.True(await fixture.QueryScalarAsync<long>("SELECT count(*) FROM concept_edges WHERE origin = 'trac'") > 200);

        var milestone = await learner.GetJsonAsync("/concepts?milestone=API%20Design&limit=100");
        Assert.Equal(25, milestone.GetProperty("total").GetInt32());
        Assert.All(milestone.GetProperty("concepts").EnumerateArray(), c => Assert.Equal("API Design", c.GetProperty("milestone").GetString()));

        var design = milestone.GetProperty("concepts").EnumerateArray().Single(c => c.GetProperty("title").GetString() == "Understanding REST API Design");
        var id = design.GetProperty("id").GetInt64();
        Assert.Equal("new", design.GetProperty("status").GetString());
        Assert.NotEmpty(design.GetProperty("prerequisites").Ids());

        var detail = await learner.GetJsonAsync($"/concepts/{id}");
        Assert.Equal(id, detail.GetProperty("metadata").GetProperty("trac_ticket_id").GetInt64());
        Assert.Equal("3.5", detail.GetProperty("metadata").GetProperty("custom_fields").GetProperty("learning_difficulty").GetString());
        Assert.Equal(3.5, detail.GetProperty("difficulty").GetDouble());
        Assert.Equal("2h", detail.GetProperty("estimated_time").GetString());
        Assert.Contains(detail.GetProperty("prerequisites").EnumerateArray(), p => p.GetProperty("title").GetString() == "Pagination");
        Assert.All(detail.GetProperty("prerequisites").EnumerateArray(), p => Assert.Equal("new", p.GetProperty("status").GetString()));
        Assert.Equal(3, detail.GetProperty("learning_objectives").GetArrayLength());
        Assert.Contains(detail.GetProperty("resources").EnumerateArray(), r => r.GetProperty("url").GetString()!.StartsWith("/wiki/"));
        Assert.Contains(detail.GetProperty("exercises").EnumerateArray(), e => e.GetProperty("type").GetString() == "quiz");

        var bugs = await learner.GetJsonAsync("/concepts?type=bug&difficulty=3&limit=100");
        Assert.All(bugs.GetProperty("concepts").EnumerateArray(), c =>
        {
            Assert.Equal("bug", c.GetProperty("type").GetString());
            Assert.InRange(c.GetProperty("difficulty").GetDouble(), 3, 3.99);
        });
        Assert.True(bugs.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task A_changed_ticket_title_and_blockedby_show_up_in_concepts_within_seconds()
    {
        var learner = await fixture.SignUpAsync();
        await learner.CurriculumLoadedAsync();
        const long ticket = 149; // API Gateways (Performance and Operations)
        var newTitle = $"API Gateways and Service Meshes {Guid.NewGuid():N}"[..40];
        await fixture.UpdateTicketAsync(ticket, newTitle, new Dictionary<string, string> { ["blockedby"] = "124, 75" });

        static long[] Prerequisites(JsonElement c) => c.GetProperty("prerequisites").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).Order().ToArray();
        var changed = await Eventually.ReturnsAsync(() => learner.GetJsonAsync($"/concepts/{ticket}"),
            c => c.GetProperty("title").GetString() == newTitle && Prerequisites(c).SequenceEqual([75L, 124L]),
            TimeSpan.FromSeconds(10), "the importer follows changetime");
        Assert.Equal([75L, 124L], Prerequisites(changed));
        var graph = await learner.GetJsonAsync($"/knowledge/graph?center_concept={ticket}&depth=1");
        Assert.Contains(graph.GetProperty("edges").EnumerateArray(), e => e.GetProperty("source").GetString() == "concept-124"
            && e.GetProperty("target").GetString() == $"concept-{ticket}");
        Assert.DoesNotContain(graph.GetProperty("edges").EnumerateArray(), e => e.GetProperty("source").GetString() == "concept-20"
            && e.GetProperty("target").GetString() == $"concept-{ticket}");
        var listed = await learner.GetJsonAsync("/concepts?component=operations&limit=100");
        var item = listed.GetProperty("concepts").EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == ticket);
        Assert.Equal(newTitle, item.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_prerequisite_cycle_in_trac_data_is_reported_and_skipped_while_the_import_goes_on()
    {
        var learner = await fixture.SignUpAsync();
        await learner.CurriculumLoadedAsync();
        // 138 (Retries with Backoff) needs 137 (Message Queues); make 137 blocked by 138 too: a cycle.
        await fixture.UpdateTicketAsync(137, custom: new Dictionary<string, string> { ["blockedby"] = "128, 138" });

        await Eventually.HoldsAsync(async () => await fixture.QueryScalarAsync<long>(
                "SELECT count(*) FROM trac_import_issues WHERE kind = 'prerequisite_cycle' AND source_id IN (137, 138) AND target_id IN (137, 138)") == 1,
            TimeSpan.FromSeconds(10), "the cycle is reported");
        var queues = await learner.GetJsonAsync("/concepts/137");
        var retries = await learner.GetJsonAsync("/concepts/138");
        var queuesNeed = queues.GetProperty("prerequisites").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToArray();
        var retriesNeed = retries.GetProperty("prerequisites").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToArray();
        Assert.False(queuesNeed.Contains(138) && retriesNeed.Contains(137), "one edge of the cycle is skipped");

        // The importer keeps going: a later change is still imported.
        await fixture.UpdateTicketAsync(140, "Containers, revisited");
        await Eventually.ReturnsAsync(() => learner.GetJsonAsync("/concepts/140"),
            c => c.GetProperty("title").GetString() == "Containers, revisited", TimeSpan.FromSeconds(10));
    }
}
