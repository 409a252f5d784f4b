using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Pipeline.Messages;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Ops;

/// <summary>ServicePulse's endpoint monitoring: every instance reports a heartbeat; a silent one is shown down.</summary>
[Collection(OpsCollection.Name)]
public sealed class Endpoint_heartbeats(OpsFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_stopped_handlers_instance_turns_down_within_the_interval_and_up_again_when_it_restarts()
    {
        var admin = await fixture.SignUpAsync("admin");
        var instanceId = $"handlers-extra-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>(fixture.Settings) { ["Operations:InstanceId"] = instanceId };

        var extra = await StartWorkersAsync(settings);
        var up = await Eventually.ReturnsAsync(() => InstanceAsync(admin, instanceId), i => i?.GetProperty("status").GetString() == "up", Deadline);
        Assert.Equal("handlers", up!.Value.GetProperty("endpoint").GetString());
        Assert.Equal(Environment.MachineName, up.Value.GetProperty("host").GetString());
        Assert.False(string.IsNullOrEmpty(up.Value.GetProperty("version").GetString()));
        // The fixture's own hosts report too.
        var all = (await admin.Client.GetJsonAsync("/api/ops/endpoints")).GetProperty("endpoints").EnumerateArray().ToList();
        Assert.Contains(all, i => i.GetProperty("endpoint").GetString() == "edge-api" && i.GetProperty("status").GetString() == "up");

        await extra.StopAsync();
        extra.Dispose();
        var stoppedAt = DateTime.UtcNow;
        await Eventually.ReturnsAsync(() => InstanceAsync(admin, instanceId), i => i?.GetProperty("status").GetString() == "down", Deadline);
        // Down after 3 s without a heartbeat (heartbeats every second): seen well within the interval plus polling slack.
        Assert.True(DateTime.UtcNow - stoppedAt < TimeSpan.FromSeconds(3 + 1 + 3), $"down only after {(DateTime.UtcNow - stoppedAt).TotalSeconds:0.0}s");

        var restarted = await StartWorkersAsync(settings);
        try
        {
            await Eventually.ReturnsAsync(() => InstanceAsync(admin, instanceId), i => i?.GetProperty("status").GetString() == "up", Deadline);
        }
        finally
        {
            await restarted.StopAsync();
            restarted.Dispose();
        }
        await Eventually.ReturnsAsync(() => ConsumersAsync(c => c == 1), ok => ok, Deadline, "the stopped instance's consumers to be gone");
    }

    /// <summary>
    /// Starts a second Handlers host and waits until its bus consumes: MassTransit starts the bus in the background, and a
    /// host stopped while its receive endpoints are still starting can leave them running.
    /// </summary>
    private async Task<IHost> StartWorkersAsync(IDictionary<string, string?> settings)
    {
        var host = await PipelineFixture.StartHandlersAsync(settings);
        await Eventually.ReturnsAsync(() => ConsumersAsync(c => c == 2), ok => ok, Deadline, "the second instance to consume from every queue");
        return host;
    }

    private static readonly string[] WorkerQueues =
    [
        QueueNames.LearningPathSaga, QueueNames.ExtractLearningGoals, QueueNames.PlanLearningPath, QueueNames.SaveLearningPath,
        QueueNames.GenerateSectionCards, "scheduler",
    ];

    private async Task<bool> ConsumersAsync(Func<int, bool> expected)
    {
        foreach (var queue in WorkerQueues)
            if (!expected(await ConsumersAsync(queue))) return false;
        return true;
    }

    private async Task<int> ConsumersAsync(string queue)
    {
        using var management = new HttpClient();
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestSettings.RabbitUser}:{TestSettings.RabbitPassword}")));
        var body = await management.GetStringAsync(
            $"http://{TestSettings.RabbitHost}:{TestSettings.RabbitManagementPort}/api/queues/{Uri.EscapeDataString(fixture.Infrastructure.VirtualHost)}/{queue}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("consumers", out var consumers) ? consumers.GetInt32() : 0;
    }

    private static async Task<JsonElement?> InstanceAsync(TestUser admin, string instanceId)
    {
        var list = await admin.Client.GetJsonAsync("/api/ops/endpoints");
        foreach (var instance in list.GetProperty("endpoints").EnumerateArray())
            if (instance.GetProperty("instance_id").GetString() == instanceId) return instance;
        return null;
    }
}
