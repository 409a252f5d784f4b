using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Ops;

/// <summary>ServicePulse's endpoint monitoring: every instance reports a heartbeat; a silent one is shown down.</summary>
[Collection(OpsCollection.Name)]
public sealed class Endpoint_heartbeats(OpsFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_killed_handlers_process_turns_down_within_the_interval_and_up_again_when_it_restarts()
    {
        var admin = await fixture.SignUpAsync("admin");
        var instanceId = $"handlers-extra-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>(fixture.Settings) { ["Operations:InstanceId"] = instanceId };

        await using (var worker = await HandlersProcess.StartAsync(settings, "heartbeat"))
        {
            var up = await Eventually.ReturnsAsync(() => InstanceAsync(admin, instanceId), i => i?.GetProperty("status").GetString() == "up", Deadline);
            Assert.Equal("handlers", up!.Value.GetProperty("endpoint").GetString());
            Assert.Equal(Environment.MachineName, up.Value.GetProperty("host").GetString());
            Assert.False(string.IsNullOrEmpty(up.Value.GetProperty("version").GetString()));
            // The fixture's own hosts report too.
            var all = (await admin.Client.GetJsonAsync("/api/ops/endpoints")).GetProperty("endpoints").EnumerateArray().ToList();
            Assert.Contains(all, i => i.GetProperty("endpoint").GetString() == "edge-api" && i.GetProperty("status").GetString() == "up");

            await worker.KillAsync(); // kill -9: no goodbye, the heartbeats just stop
        }
        var killedAt = DateTime.UtcNow;
        await Eventually.ReturnsAsync(() => InstanceAsync(admin, instanceId), i => i?.GetProperty("status").GetString() == "down", Deadline);
        // Down after 3 s without a heartbeat (heartbeats every second): seen well within the interval plus polling slack.
        Assert.True(DateTime.UtcNow - killedAt < TimeSpan.FromSeconds(3 + 1 + 3), $"down only after {(DateTime.UtcNow - killedAt).TotalSeconds:0.0}s");

        await using var restarted = await HandlersProcess.StartAsync(settings, "heartbeat-restarted");
        await Eventually.ReturnsAsync(() => InstanceAsync(admin, instanceId), i => i?.GetProperty("status").GetString() == "up", Deadline);
    }

    private static async Task<JsonElement?> InstanceAsync(TestUser admin, string instanceId)
    {
        var list = await admin.Client.GetJsonAsync("/api/ops/endpoints");
        foreach (var instance in list.GetProperty("endpoints").EnumerateArray())
            if (instance.GetProperty("instance_id").GetString() == instanceId) return instance;
        return null;
    }
}
