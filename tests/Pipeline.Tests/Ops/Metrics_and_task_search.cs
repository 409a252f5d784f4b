using System.Text.Json;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Ops;

/// <summary>ServicePulse's monitoring numbers (JSON and Prometheus) and an ops search over every user's tasks.</summary>
[Collection(OpsCollection.Name)]
public sealed class Metrics_and_task_search(OpsFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_a_generation_metrics_show_queues_message_types_stage_durations_and_llm_tokens()
    {
        fixture.Llm.Reset();
        var admin = await fixture.SignUpAsync("admin");
        var learner = await fixture.SignUpAsync();
        var taskId = (await (await learner.Client.GenerateAsync("I want to learn pottery in 15 days")).JsonAsync()).GetProperty("task_id").GetString()!;
        await learner.Client.WaitForStatusAsync(taskId, Deadline, "completed");

        var metrics = await Eventually.ReturnsAsync(() => admin.Client.GetJsonAsync("/api/ops/metrics"),
            m => TypeMetric(m, OpsApi.CardsMessageType) is { } cards && cards.GetProperty("processed").GetInt64() > 0
                 && m.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "generating_cards")
                 // RabbitMQ's management statistics trail by their collection interval (5 s) on a fresh vhost.
                 && m.GetProperty("queues").EnumerateArray().Any(q => q.GetProperty("name").GetString() == "generate-section-cards"
                     && q.GetProperty("consumers").GetInt32() >= 1),
            Deadline, "the counters of the card workers to be flushed and the queue statistics to show consumers");
        var cards = TypeMetric(metrics, OpsApi.CardsMessageType)!.Value;
        Assert.True(cards.GetProperty("processing_p95_ms").GetDouble() >= cards.GetProperty("processing_p50_ms").GetDouble());
        Assert.True(cards.GetProperty("critical_time_p50_ms").GetDouble() > 0);
        var queue = metrics.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "generate-section-cards");
        Assert.True(queue.GetProperty("consumers").GetInt32() >= 1);
        Assert.Contains(metrics.GetProperty("stages").EnumerateArray(), s => s.GetProperty("stage").GetString() == "planning_path_structure"
            && s.GetProperty("p50_seconds").GetDouble() >= 0);
        var llm = metrics.GetProperty("llm").EnumerateArray().Single(l => l.GetProperty("model").GetString() == FakeOpenAiServer.Model);
        Assert.Equal("openai", llm.GetProperty("provider").GetString());
        Assert.True(llm.GetProperty("prompt_tokens").GetInt64() > 0 && llm.GetProperty("completion_tokens").GetInt64() > 0);

        var prometheus = await admin.Client.GetStringAsync("/metrics");
        Assert.Contains($"pipeline_messages_processed_total{{message_type=\"{OpsApi.CardsMessageType}\"}}", prometheus);
        Assert.Contains($"pipeline_message_processing_seconds_bucket{{message_type=\"{OpsApi.CardsMessageType}\",le=\"+Inf\"}}", prometheus);
        Assert.Contains($"pipeline_message_critical_time_seconds_count{{message_type=\"{OpsApi.CardsMessageType}\"}}", prometheus);
        Assert.Contains("pipeline_queue_messages{queue=\"generate-section-cards\"}", prometheus);
        Assert.Contains("pipeline_queue_consumers{queue=\"generate-section-cards\"}", prometheus);
        Assert.Contains("pipeline_stage_duration_seconds{stage=\"generating_cards\",quantile=\"0.95\"}", prometheus);
        Assert.Contains($"pipeline_llm_tokens_total{{provider=\"openai\",model=\"{FakeOpenAiServer.Model}\",kind=\"prompt\"}}", prometheus);
        Assert.Contains("pipeline_endpoint_up{endpoint=\"handlers\"", prometheus);
    }

    [Fact]
    public async Task Task_search_filters_by_status_stage_user_and_time_newest_first()
    {
        fixture.Llm.Reset();
        var admin = await fixture.SignUpAsync("admin");
        var learner = await fixture.SignUpAsync();
        var other = await fixture.SignUpAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var first = await GenerateAndFinishAsync(learner, "Learn Go in 10 days");
        var second = await GenerateAndFinishAsync(learner, "Learn Rust in 12 days");
        await GenerateAndFinishAsync(other, "Learn Zig in 8 days");

        var mine = await SearchAsync(admin, $"user={learner.Id}");
        Assert.Equal([second, first], mine);
        Assert.Equal([second, first], await SearchAsync(admin, $"user={Uri.EscapeDataString(learner.Email)}"));
        Assert.Equal([second, first], await SearchAsync(admin, $"user={learner.Id}&status=completed&stage=finished"));
        Assert.Empty(await SearchAsync(admin, $"user={learner.Id}&status=failed"));
        Assert.Equal([second], await SearchAsync(admin, $"user={learner.Id}&limit=1"));
        Assert.Equal([first], await SearchAsync(admin, $"user={learner.Id}&skip=1"));
        Assert.Equal([second, first], await SearchAsync(admin, $"user={learner.Id}&from={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.Empty(await SearchAsync(admin, $"user={learner.Id}&to={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.Empty(await SearchAsync(admin, $"user={learner.Id}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await admin.Client.GetAsync("/api/ops/tasks?limit=0")).StatusCode);
    }

    private async Task<string> GenerateAndFinishAsync(TestUser user, string prompt)
    {
        var taskId = (await (await user.Client.GenerateAsync(prompt)).JsonAsync()).GetProperty("task_id").GetString()!;
        await user.Client.WaitForStatusAsync(taskId, Deadline, "completed");
        return taskId;
    }

    private static async Task<List<string>> SearchAsync(TestUser admin, string query)
    {
        var result = await admin.Client.GetJsonAsync($"/api/ops/tasks?{query}");
        return result.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("task_id").GetString()!).ToList();
    }

    private static JsonElement? TypeMetric(JsonElement metrics, string messageType)
    {
        foreach (var type in metrics.GetProperty("message_types").EnumerateArray())
            if (type.GetProperty("message_type").GetString() == messageType) return type;
        return null;
    }
}
