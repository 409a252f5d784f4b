using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(ReminderRestartCollection.Name)]
public sealed class A_reminder_across_a_handlers_restart(ReminderRestartFixture fixture)
{
    [Fact]
    public async Task Arrives_once_when_handlers_is_killed_and_restarted_before_it_is_due()
    {
        await using var first = await HandlersProcess.StartAsync(fixture.Settings, "reminders-before");
        var ada = await fixture.SignUpAsync();
        await using var socket = await RealtimeClient.ConnectAsync(fixture.BaseAddress, ada.AccessToken);

        var reminder = await (await ada.Client.PostJsonAsync("/api/v1/reminders", new { message = "Survives restarts", remind_at = DateTimeOffset.UtcNow.AddSeconds(10) }))
            .ExpectAsync(HttpStatusCode.Created);
        // Once the scheduler has stored it, kill the worker (SIGKILL: nothing of it shuts down cleanly).
        await Eventually.HoldsAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
            return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM scheduled_messages WHERE destination LIKE '%deliver-reminders%'") == 1;
        }, TimeSpan.FromSeconds(30), "the reminder's delivery stored by the scheduler");
        await first.KillAsync();
        await using var second = await HandlersProcess.StartAsync(fixture.Settings, "reminders-after");

        var frame = await socket.NextAsync(f => f.GetProperty("type").GetString() == "reminder", TimeSpan.FromSeconds(60), "reminder");
        Assert.Equal(reminder.Id(), frame.GetProperty("reminder_id").GetInt64());
        Assert.True(DateTimeOffset.UtcNow >= reminder.GetProperty("remind_at").GetDateTimeOffset());

        var later = await socket.CollectAsync(TimeSpan.FromSeconds(17));
        Assert.DoesNotContain(later, f => f.GetProperty("type").GetString() == "reminder");
        var listed = await (await ada.Client.GetAsync("/api/v1/reminders")).ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, listed.Items().Single().GetProperty("delivered_at").ValueKind);
    }
}
