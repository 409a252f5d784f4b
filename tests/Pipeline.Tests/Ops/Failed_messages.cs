using System.Net;
using System.Text.Json;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Ops;

/// <summary>ServicePulse's failed-message screen: what lands in the error queues is listed, grouped, retried, archived.</summary>
[Collection(OpsCollection.Name)]
public sealed class Failed_messages(OpsFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Tasks_whose_llm_keeps_failing_end_failed_grouped_and_retrying_the_group_completes_them_without_duplicate_cards()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = r => r.SchemaName == "section_cards" ? FakeChatReply.ServerError(500) : FakeChatReply.Valid();
        var admin = await fixture.SignUpAsync("admin");
        var learners = new[] { await fixture.SignUpAsync(), await fixture.SignUpAsync() };
        var generated = new List<(TestUser Learner, string TaskId, Guid CorrelationId, JsonElement Body)>();
        foreach (var learner in learners)
        {
            var body = await (await learner.Client.GenerateAsync("I want to learn chess in 20 days")).JsonAsync();
            var taskId = body.GetProperty("task_id").GetString()!;
            generated.Add((learner, taskId, await fixture.CorrelationIdAsync(taskId), body));
        }

        foreach (var task in generated)
        {
            var failed = await task.Learner.Client.WaitForStatusAsync(task.TaskId, Deadline, "failed");
            Assert.Equal("generating_cards", failed.GetProperty("stage").GetString());
        }
        // Every section's message ends in the error queue and is ingested.
        var sections = generated.Sum(t => t.Body.SectionCount());
        var correlationIds = generated.Select(t => t.CorrelationId).ToArray();
        var messages = await Eventually.ReturnsAsync(() => admin.Client.FailedMessagesOfAsync("unresolved", correlationIds),
            m => m.Count == sections, Deadline, "every failed section message to be listed");
        var groupId = Assert.Single(messages.Select(m => m.GetProperty("group_id").GetString()).Distinct());
        var groups = await admin.Client.GetJsonAsync($"/api/ops/failed-messages?group={groupId}");
        Assert.Equal(1, groups.GetProperty("total").GetInt64());
        var group = groups.GetProperty("groups")[0];
        Assert.Equal(OpsApi.CardsMessageType, group.GetProperty("message_type").GetString());
        // MassTransit names the base exception in MT-Fault-ExceptionType: the SDK's error under our AiTransientException.
        Assert.Equal("System.ClientModel.ClientResultException", group.GetProperty("exception_type").GetString());
        Assert.Equal("generating_cards", group.GetProperty("stage").GetString());
        Assert.True(group.GetProperty("count").GetInt64() >= sections);
        Assert.True(group.GetProperty("first_failed_at").GetDateTime() <= group.GetProperty("last_failed_at").GetDateTime());

        fixture.Llm.Behaviour = _ => FakeChatReply.Valid();
        var retried = await admin.Client.PostJsonAsync($"/api/ops/failed-messages/groups/{groupId}/retry");

        Assert.True(retried.GetProperty("messages").GetInt32() >= sections);
        foreach (var task in generated)
        {
            var done = await task.Learner.Client.WaitForStatusAsync(task.TaskId, Deadline, "completed");
            var cards = await fixture.CardsPerSectionAsync(task.Body.GetProperty("learning_path").GetProperty("id").GetInt64());
            Assert.All(cards, c => Assert.True(c.Cards > 0 && c.Cards == c.DistinctPositions, $"section {c.SectionId}: {c.Cards} cards, {c.DistinctPositions} positions"));
            Assert.Equal(done.GetProperty("total_items").GetInt32(), cards.Sum(c => c.Cards));
        }
        Assert.Empty(await admin.Client.FailedMessagesOfAsync("unresolved", correlationIds));
        Assert.Equal(sections, (await admin.Client.FailedMessagesOfAsync("retried", correlationIds)).Count);
    }

    [Fact]
    public async Task A_message_can_be_archived_restored_inspected_and_retried_and_a_repeated_failure_is_counted()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = r => r.SchemaName == "section_cards" ? FakeChatReply.ServerError(500) : FakeChatReply.Valid();
        var admin = await fixture.SignUpAsync("admin");
        var learner = await fixture.SignUpAsync();
        var body = await (await learner.Client.GenerateAsync("Teach me knitting in 7 days")).JsonAsync();
        var taskId = body.GetProperty("task_id").GetString()!;
        var correlationId = await fixture.CorrelationIdAsync(taskId);
        await learner.Client.WaitForStatusAsync(taskId, Deadline, "failed");
        var messages = await Eventually.ReturnsAsync(() => admin.Client.FailedMessagesOfAsync("unresolved", correlationId),
            m => m.Count == body.SectionCount(), Deadline);
        var id = messages[0].GetProperty("id").GetGuid();

        var detail = await admin.Client.GetJsonAsync($"/api/ops/failed-messages/{id}");
        Assert.Equal(taskId, detail.GetProperty("task").GetProperty("task_id").GetString());
        Assert.Equal("failed", detail.GetProperty("task").GetProperty("status").GetString());
        Assert.Contains("500", detail.GetProperty("message").GetProperty("exception_message").GetString());
        Assert.Contains("at ", detail.GetProperty("stack_trace").GetString());
        Assert.True(detail.GetProperty("delivery_retry_count").GetInt32() > 0); // MassTransit's in-process retries of the last delivery
        Assert.True(detail.GetProperty("headers").TryGetProperty("MT-Fault-ExceptionType", out _));
        Assert.Contains(correlationId.ToString(), detail.GetProperty("body").GetString());
        Assert.Equal(1, detail.GetProperty("message").GetProperty("failure_count").GetInt32());

        await admin.Client.PostJsonAsync($"/api/ops/failed-messages/{id}/archive");
        Assert.DoesNotContain(await admin.Client.FailedMessagesOfAsync("unresolved", correlationId), m => m.GetProperty("id").GetGuid() == id);
        Assert.Contains(await admin.Client.FailedMessagesOfAsync("archived", correlationId), m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Client.PostAsync($"/api/ops/failed-messages/{id}/archive", null)).StatusCode);
        await admin.Client.PostJsonAsync($"/api/ops/failed-messages/{id}/unarchive");
        Assert.Contains(await admin.Client.FailedMessagesOfAsync("unresolved", correlationId), m => m.GetProperty("id").GetGuid() == id);

        // Retried while the LLM still fails: the same message comes back, counted twice.
        await admin.Client.PostJsonAsync($"/api/ops/failed-messages/{id}/retry");
        var again = await Eventually.ReturnsAsync(() => admin.Client.GetJsonAsync($"/api/ops/failed-messages/{id}"),
            d => d.GetProperty("message").GetProperty("failure_count").GetInt32() == 2, Deadline, "the retried message to fail again");
        Assert.Equal("unresolved", again.GetProperty("message").GetProperty("status").GetString());
        Assert.Equal(1, again.GetProperty("message").GetProperty("retry_count").GetInt32());
        Assert.False(again.GetProperty("headers").GetProperty("MT-Fault-Timestamp").GetString()
            == detail.GetProperty("headers").GetProperty("MT-Fault-Timestamp").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.PostAsync($"/api/ops/failed-messages/{Guid.NewGuid()}/retry", null)).StatusCode);

        // Once the LLM recovers, a single retry of each message completes the task.
        fixture.Llm.Behaviour = _ => FakeChatReply.Valid();
        foreach (var message in await admin.Client.FailedMessagesOfAsync("unresolved", correlationId))
            await admin.Client.PostJsonAsync($"/api/ops/failed-messages/{message.GetProperty("id").GetGuid()}/retry");
        await learner.Client.WaitForStatusAsync(taskId, Deadline, "completed");
    }

    [Fact]
    public async Task Retrying_a_queue_sends_back_everything_that_failed_in_it()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = r => r.SchemaName == "section_cards" ? FakeChatReply.ServerError(503) : FakeChatReply.Valid();
        var admin = await fixture.SignUpAsync("admin");
        var learner = await fixture.SignUpAsync();
        var body = await (await learner.Client.GenerateAsync("Learn to juggle in 5 days")).JsonAsync();
        var taskId = body.GetProperty("task_id").GetString()!;
        var correlationId = await fixture.CorrelationIdAsync(taskId);
        await learner.Client.WaitForStatusAsync(taskId, Deadline, "failed");
        await Eventually.ReturnsAsync(() => admin.Client.FailedMessagesOfAsync("unresolved", correlationId), m => m.Count == body.SectionCount(), Deadline);
        var byQueue = await admin.Client.GetJsonAsync("/api/ops/failed-messages?queue=generate-section-cards");
        Assert.True(byQueue.GetProperty("total").GetInt64() >= 1);
        Assert.Equal(0, (await admin.Client.GetJsonAsync("/api/ops/failed-messages?queue=no-such-queue")).GetProperty("total").GetInt64());

        fixture.Llm.Behaviour = _ => FakeChatReply.Valid();
        var retried = await admin.Client.PostJsonAsync("/api/ops/failed-messages/queues/generate-section-cards/retry");

        Assert.True(retried.GetProperty("messages").GetInt32() >= body.SectionCount());
        await learner.Client.WaitForStatusAsync(taskId, Deadline, "completed");
    }
}
