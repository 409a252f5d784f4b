using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Reminders_and_the_realtime_socket(PlatformFixture fixture)
{
    [Fact]
    public async Task A_reminder_due_in_a_few_seconds_arrives_once_on_the_open_socket_and_is_marked_delivered()
    {
        var ada = await fixture.SignUpAsync();
        await using var socket = await RealtimeClient.ConnectAsync(fixture.BaseAddress, ada.AccessToken);

        var reminder = await (await ada.Client.PostJsonAsync("/api/v1/reminders", new { message = "Review eigenvalues", remind_at = DateTimeOffset.UtcNow.AddSeconds(3) }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, reminder.GetProperty("delivered_at").ValueKind);

        var frame = await socket.NextAsync(f => f.GetProperty("type").GetString() == "reminder", TimeSpan.FromSeconds(30), "reminder");
        Assert.Equal(reminder.Id(), frame.GetProperty("reminder_id").GetInt64());
        Assert.Equal("Review eigenvalues", frame.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(frame.GetProperty("event_id").GetString()));
        Assert.True(DateTimeOffset.UtcNow >= reminder.GetProperty("remind_at").GetDateTimeOffset(), "delivered before its time");

        // Once: nothing more about it arrives (the overdue sweep runs every 15 s and must find it delivered).
        var later = await socket.CollectAsync(TimeSpan.FromSeconds(17));
        Assert.DoesNotContain(later, f => f.GetProperty("type").GetString() == "reminder");
        var listed = await (await ada.Client.GetAsync("/api/v1/reminders")).ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, listed.Items().Single(r => r.Id() == reminder.Id()).GetProperty("delivered_at").ValueKind);
    }

    [Fact]
    public async Task A_reconnecting_client_replays_what_it_missed_in_order_then_goes_live()
    {
        var ada = await fixture.SignUpAsync();
        string firstEventId;
        await using (var socket = await RealtimeClient.ConnectAsync(fixture.BaseAddress, ada.AccessToken, tokenInHeader: true))
        {
            await (await ada.Client.PostJsonAsync("/api/v1/reminders", new { message = "first", remind_at = DateTimeOffset.UtcNow })).ExpectAsync(HttpStatusCode.Created);
            firstEventId = (await socket.NextAsync(f => f.GetProperty("message").GetString() == "first", TimeSpan.FromSeconds(30), "first reminder"))
                .GetProperty("event_id").GetString()!;
        }
        // While disconnected, two more are delivered.
        await (await ada.Client.PostJsonAsync("/api/v1/reminders", new { message = "second", remind_at = DateTimeOffset.UtcNow })).ExpectAsync(HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => (await (await ada.Client.GetAsync("/api/v1/reminders")).ExpectAsync(HttpStatusCode.OK)).Items()
            .All(r => r.GetProperty("delivered_at").ValueKind != JsonValueKind.Null), TimeSpan.FromSeconds(30));
        await (await ada.Client.PostJsonAsync("/api/v1/reminders", new { message = "third", remind_at = DateTimeOffset.UtcNow })).ExpectAsync(HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => (await (await ada.Client.GetAsync("/api/v1/reminders")).ExpectAsync(HttpStatusCode.OK)).Items()
            .All(r => r.GetProperty("delivered_at").ValueKind != JsonValueKind.Null), TimeSpan.FromSeconds(30));

        await using var again = await RealtimeClient.ConnectAsync(fixture.BaseAddress, ada.AccessToken, lastEventId: firstEventId);
        var replayed = new[]
        {
            await again.NextAsync(_ => true, TimeSpan.FromSeconds(10), "replayed"),
            await again.NextAsync(_ => true, TimeSpan.FromSeconds(10), "replayed"),
        };
        Assert.Equal(["second", "third"], replayed.Select(f => f.GetProperty("message").GetString()));
        await (await ada.Client.PostJsonAsync("/api/v1/reminders", new { message = "live", remind_at = DateTimeOffset.UtcNow })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("live", (await again.NextAsync(_ => true, TimeSpan.FromSeconds(30), "live")).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_generated_path_shows_its_progress_on_the_socket()
    {
        var ada = await fixture.SignUpAsync();
        await using var socket = await RealtimeClient.ConnectAsync(fixture.BaseAddress, ada.AccessToken);

        var generated = await (await ada.Client.GenerateAsync("I want to learn chess in 10 days")).ExpectAsync(HttpStatusCode.OK);
        var taskId = generated.GetProperty("task_id").GetString();

        var completed = await socket.NextAsync(f => f.GetProperty("type").GetString() == "task" && f.GetProperty("task_id").GetString() == taskId
            && f.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(90), "completed task");
        // The same fields and values the seed 002 status route answers.
        var status = await ada.Client.StatusAsync(taskId!);
        Assert.Equal(status.GetProperty("progress").GetDouble(), completed.GetProperty("progress").GetDouble());
        Assert.Equal(status.GetProperty("learning_path_id").GetInt64(), completed.GetProperty("learning_path_id").GetInt64());
        Assert.True(completed.TryGetProperty("completed_items", out _));
        Assert.False(string.IsNullOrEmpty(completed.GetProperty("event_id").GetString()));
    }

    [Fact]
    public async Task A_bad_token_closes_the_socket_with_1008()
    {
        await using var socket = await RealtimeClient.ConnectAsync(fixture.BaseAddress, "not-a-token");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.ClosedAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Another_users_reminders_are_not_on_my_socket_or_list()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        await using var bobs = await RealtimeClient.ConnectAsync(fixture.BaseAddress, bob.AccessToken);

        await (await ada.Client.PostJsonAsync("/api/v1/reminders", new { message = "ada only", remind_at = DateTimeOffset.UtcNow })).ExpectAsync(HttpStatusCode.Created);

        Assert.Empty(await bobs.CollectAsync(TimeSpan.FromSeconds(4)));
        Assert.Empty((await (await bob.Client.GetAsync("/api/v1/reminders")).ExpectAsync(HttpStatusCode.OK)).Items());
    }

    [Theory]
    [InlineData("""{"remind_at": "2030-01-01T00:00:00Z"}""", "message")]
    [InlineData("""{"message": "x"}""", "remind_at")]
    [InlineData("""{"message": "x", "remind_at": "2001-01-01T00:00:00Z"}""", "remind_at")]
    [InlineData("""{"message": "x", "remind_at": "soon"}""", "remind_at")]
    public async Task A_bad_reminder_is_400_naming_the_field(string body, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.SendRawAsync(HttpMethod.Post, "/api/v1/reminders", body)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }
}
