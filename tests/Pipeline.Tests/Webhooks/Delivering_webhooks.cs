using System.Net;
using Pipeline.Messages.Learning;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Webhooks;

public sealed class Delivering_webhooks(WebhooksFixture fixture) : IClassFixture<WebhooksFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_loopback_receiver_gets_concept_completed_signed_both_ways()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        var learner = await fixture.SignUpAsync();
        var webhookId = await instructor.RegisterAsync(receiver.Url, "concept.completed", "milestone.achieved");

        await fixture.PublishAsync(new ConceptCompleted(learner.Id, 1234, "Understanding REST API Design", 0.85, DateTimeOffset.UtcNow));

        var received = (await Eventually.ReturnsAsync(() => Task.FromResult(receiver.For(learner.Id)), r => r.Count == 1, Deadline, "the delivery"))[0];
        var payload = received.Json;
        Assert.Equal("concept.completed", payload.GetProperty("event").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", payload.GetProperty("timestamp").GetString());
        var data = payload.GetProperty("data");
        Assert.Equal(learner.Id.ToString(), data.GetProperty("user_id").GetString());
        Assert.Equal(1234, data.GetProperty("concept_id").GetInt64());
        Assert.Equal(0.85, data.GetProperty("mastery_score").GetDouble());
        Assert.True(data.TryGetProperty("time_spent", out _));
        // GitHub's convention over the exact bytes, and Standard Webhooks v1 over "{id}.{timestamp}.{body}".
        Assert.Equal(WebhookApi.Sha256Hex(received.Body), received.Headers["X-LearnTrac-Signature"]);
        Assert.Equal(WebhookApi.StandardWebhooks(received.WebhookId, received.Headers["webhook-timestamp"], received.Body),
            received.Headers["webhook-signature"]);
        Assert.InRange(long.Parse(received.Headers["webhook-timestamp"]), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        // The body's own signature (the seed's field) covers the body without it.
        var unsigned = received.Body[..received.Body.LastIndexOf(",\"signature\":", StringComparison.Ordinal)] + "}";
        Assert.Equal(WebhookApi.Sha256Hex(unsigned), payload.GetProperty("signature").GetString());

        var deliveries = await Eventually.ReturnsAsync(() => instructor.DeliveriesAsync(webhookId),
            d => d.GetProperty("deliveries").EnumerateArray().Any(x => x.GetProperty("status").GetString() == "delivered"), Deadline);
        var delivery = deliveries.GetProperty("deliveries").EnumerateArray().First(x => x.GetProperty("delivery_id").GetString() == received.WebhookId);
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("attempt_log")[0].GetProperty("status_code").GetInt32());

        // Redelivery: the same body again, as a new delivery with its own id.
        var redelivered = await instructor.Client.PostAsync($"/api/learntrac/v1/webhooks/{webhookId}/deliveries/{received.WebhookId}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redelivered.StatusCode);
        var again = (await Eventually.ReturnsAsync(() => Task.FromResult(receiver.For(learner.Id)), r => r.Count == 2, Deadline, "the redelivery"))[1];
        Assert.Equal(received.Body, again.Body);
        Assert.Equal((await redelivered.JsonAsync()).GetProperty("delivery_id").GetString(), again.WebhookId);
        Assert.NotEqual(received.WebhookId, again.WebhookId);

        Assert.Equal(HttpStatusCode.NoContent, (await instructor.Client.DeleteAsync($"/api/learntrac/v1/webhooks/{webhookId}")).StatusCode);
    }

    [Fact]
    public async Task A_receiver_answering_500_twice_gets_the_event_on_the_third_attempt_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failuresPerDelivery: 2);
        var instructor = await fixture.SignUpAsync("instructor");
        var learner = await fixture.SignUpAsync();
        var webhookId = await instructor.RegisterAsync(receiver.Url, "milestone.achieved");

        await fixture.PublishAsync(new MilestoneAchieved(learner.Id, "API Development", DateTimeOffset.UtcNow));

        var deliveries = await Eventually.ReturnsAsync(() => instructor.DeliveriesAsync(webhookId),
            d => d.GetProperty("deliveries").EnumerateArray().Any(x => x.GetProperty("status").GetString() == "delivered"), Deadline, "delivered");
        var delivery = deliveries.GetProperty("deliveries")[0];
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal([500, 500, 200], delivery.GetProperty("attempt_log").EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()));
        // Longer than every retry delay (0.6 s at most): nothing else arrives once it was acknowledged.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var requests = receiver.For(learner.Id);
        Assert.Equal(3, requests.Count);
        Assert.Single(requests, r => r.StatusAnswered == 200);
        Assert.Single(requests.Select(r => r.WebhookId).Distinct()); // one delivery id on every attempt
        Assert.Single(requests.Select(r => r.Body).Distinct());
        Assert.Equal("milestone.achieved", requests[0].Json.GetProperty("event").GetString());
        Assert.Equal("API Development", requests[0].Json.GetProperty("data").GetProperty("milestone").GetString());

        await instructor.Client.DeleteAsync($"/api/learntrac/v1/webhooks/{webhookId}");
    }

    [Fact]
    public async Task Deliveries_that_keep_failing_end_failed_and_disable_the_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failuresPerDelivery: int.MaxValue);
        var instructor = await fixture.SignUpAsync("instructor");
        var learner = await fixture.SignUpAsync();
        var webhookId = await instructor.RegisterAsync(receiver.Url, "concept.completed");

        await fixture.PublishAsync(new ConceptCompleted(learner.Id, 7, "Indexing", 0.9, DateTimeOffset.UtcNow));
        await fixture.PublishAsync(new ConceptCompleted(learner.Id, 8, "Joins", 0.9, DateTimeOffset.UtcNow));

        var listed = await Eventually.ReturnsAsync(async () => await (await instructor.Client.GetAsync("/api/learntrac/v1/webhooks")).JsonAsync(),
            l => l.GetProperty("webhooks")[0].GetProperty("status").GetString() == "disabled", Deadline, "the webhook disabled");
        Assert.Contains("failed", listed.GetProperty("webhooks")[0].GetProperty("disabled_reason").GetString());
        var deliveries = (await instructor.DeliveriesAsync(webhookId)).GetProperty("deliveries").EnumerateArray().ToList();
        Assert.All(deliveries, d => Assert.Equal("failed", d.GetProperty("status").GetString()));
        // Retried with growing delays until the (scaled-down) day was over: at 0, 0.3, 0.9, 1.5, 2.1, 2.7 s.
        Assert.All(deliveries, d => Assert.InRange(d.GetProperty("attempts").GetInt32(), 3, 7)); // fewer when the machine is slow
        Assert.All(deliveries, d => Assert.Equal(500, d.GetProperty("last_status_code").GetInt32()));

        // Its owner is told, once: a delivered notice in their notifications list (seed 004's reminders) naming the webhook.
        var notices = await Eventually.ReturnsAsync(async () => await (await instructor.Client.GetAsync("/api/v1/reminders")).JsonAsync(),
            r => r.GetProperty("items").GetArrayLength() > 0, Deadline, "the owner's notice");
        var notice = Assert.Single(notices.GetProperty("items").EnumerateArray());
        Assert.Contains(webhookId, notice.GetProperty("message").GetString());
        Assert.Contains("disabled", notice.GetProperty("message").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, notice.GetProperty("delivered_at").ValueKind);
        // The learner whose events failed to arrive is told nothing.
        Assert.Equal(0, (await (await learner.Client.GetAsync("/api/v1/reminders")).JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Three_failed_submissions_on_one_concept_report_user_struggled_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        var learner = await fixture.SignUpAsync();
        var webhookId = await instructor.RegisterAsync(receiver.Url, "user.struggled");
        var start = DateTimeOffset.UtcNow;

        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 1, 1567, 0.2, false, start));
        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 2, 1567, 0.9, true, start.AddSeconds(1)));
        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 1, 99, 0.1, false, start.AddSeconds(2))); // another concept
        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 1, 1567, 0.3, false, start.AddSeconds(3)));
        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 3, 1567, 0.4, false, start.AddSeconds(4)));
        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 3, 1567, 0.1, false, start.AddSeconds(5)));

        var struggled = (await Eventually.ReturnsAsync(() => Task.FromResult(receiver.For(learner.Id)), r => r.Count >= 1, Deadline, "user.struggled"))[0];
        var data = struggled.Json.GetProperty("data");
        Assert.Equal("user.struggled", struggled.Json.GetProperty("event").GetString());
        Assert.Equal(1567, data.GetProperty("concept_id").GetInt64());
        Assert.InRange(data.GetProperty("failed_attempts").GetInt32(), 3, 4);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the fourth failure, within the day, reports nothing more
        Assert.Single(receiver.For(learner.Id));

        await instructor.Client.DeleteAsync($"/api/learntrac/v1/webhooks/{webhookId}");
    }

    [Fact]
    public async Task Failures_handed_over_out_of_order_still_report_user_struggled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        var learner = await fixture.SignUpAsync();
        var webhookId = await instructor.RegisterAsync(receiver.Url, "user.struggled");
        var start = DateTimeOffset.UtcNow;

        // Newest first: each failure, when it arrives, has only later ones before it.
        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 3, 2001, 0.1, false, start.AddSeconds(5)));
        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 2, 2001, 0.2, false, start.AddSeconds(3)));
        await fixture.PublishAsync(new ExerciseSubmitted(learner.Id, 1, 2001, 0.3, false, start));

        var struggled = (await Eventually.ReturnsAsync(() => Task.FromResult(receiver.For(learner.Id)), r => r.Count >= 1, Deadline, "user.struggled"))[0];
        Assert.Equal(2001, struggled.Json.GetProperty("data").GetProperty("concept_id").GetInt64());
        Assert.Equal(3, struggled.Json.GetProperty("data").GetProperty("failed_attempts").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(receiver.For(learner.Id));

        await instructor.Client.DeleteAsync($"/api/learntrac/v1/webhooks/{webhookId}");
    }
}
