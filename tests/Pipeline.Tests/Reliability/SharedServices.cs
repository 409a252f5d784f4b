using System.Diagnostics;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// Restarts the shared PostgreSQL or RabbitMQ that ./test.sh started, through scripts/infra.sh (by pid, never by process
/// name), with the same PIPELINE_* settings the run was started with, so it is the instance this run uses.
/// </summary>
public static class SharedServices
{
    public static Task<TimeSpan> RestartPostgresAsync() => RunAsync("infra_restart_postgres");

    public static Task<TimeSpan> RestartRabbitMqAsync() => RunAsync("infra_restart_rabbitmq");

    /// <returns>How long the function took: the service was down for most of it.</returns>
    private static async Task<TimeSpan> RunAsync(string function)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source scripts/infra.sh && {function}"])
        {
            WorkingDirectory = TestSettings.RepositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // not the test runner's channel
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start bash for {function}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{function} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return clock.Elapsed;
    }
}
