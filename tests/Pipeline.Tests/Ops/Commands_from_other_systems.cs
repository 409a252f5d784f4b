using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Ops;

/// <summary>docs/bus-contracts.md promises that a shell script with curl can start a task; this runs the doc's own script.</summary>
[Collection(OpsCollection.Name)]
public sealed class Commands_from_other_systems(OpsFixture fixture)
{
    [Fact]
    public async Task The_documented_curl_publish_starts_a_task_that_completes_and_is_pollable_over_http()
    {
        fixture.Llm.Reset();
        var learner = await fixture.SignUpAsync();
        var task = Guid.NewGuid();
        var script = DocumentedScript()
            .Replace("TASK=$(cat /proc/sys/kernel/random/uuid)", $"TASK={task}")
            .Replace("\\\"userId\\\":5", $"\\\"userId\\\":{learner.Id}")
            .Replace("\"pipeline:$(cat .data/rabbitmq.password)\"", $"'{TestSettings.RabbitUser}:{TestSettings.RabbitPassword}'")
            .Replace("http://127.0.0.1:55673/api/exchanges/%2F/", $"http://{TestSettings.RabbitHost}:{TestSettings.RabbitManagementPort}/api/exchanges/{Uri.EscapeDataString(fixture.Infrastructure.VirtualHost)}/");

        var (exitCode, output) = await RunBashAsync(script);

        Assert.Equal(0, exitCode);
        Assert.Contains("\"routed\":true", output);
        var taskId = $"full_path_gen_{learner.Id}_{task:N}";
        await Eventually.ReturnsAsync(() => learner.Client.GetAsync($"/api/tasks/{taskId}/status"), r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the task sent over HTTP publish to appear");
        var done = await learner.Client.WaitForStatusAsync(taskId, TimeSpan.FromSeconds(60), "completed");
        Assert.True(done.GetProperty("completed_items").GetInt32() > 0);
    }

    private static string DocumentedScript()
    {
        var doc = File.ReadAllText(Path.Combine(TestSettings.RepositoryRoot, "docs", "bus-contracts.md"));
        var section = doc[doc.IndexOf("## Example: sending with no .NET at all", StringComparison.Ordinal)..];
        return Regex.Match(section, "```bash\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
