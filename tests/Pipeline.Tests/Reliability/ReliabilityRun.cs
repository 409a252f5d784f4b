namespace Pipeline.Tests.Reliability;

/// <summary>
/// How big this run of the fault-injection suite is. `./test.sh reliability` asks for the report's sizes (100
/// generations per fault, 60 s of load) and a report file; plain `./test.sh` runs the same tests, with the same
/// assertions, at sizes that fit CI's time budget.
/// </summary>
public static class ReliabilityRun
{
    /// <summary>Generations per fault (PIPELINE_RELIABILITY_BATCH).</summary>
    public static int BatchSize => Number("PIPELINE_RELIABILITY_BATCH", 30);

    /// <summary>How long the 500 pollers of the load test poll (PIPELINE_RELIABILITY_LOAD_SECONDS).</summary>
    public static TimeSpan LoadDuration => TimeSpan.FromSeconds(Number("PIPELINE_RELIABILITY_LOAD_SECONDS", 20));

    /// <summary>Where the Markdown report goes (PIPELINE_RELIABILITY_REPORT, relative to the repository root); none when unset.</summary>
    public static string? ReportPath => Environment.GetEnvironmentVariable("PIPELINE_RELIABILITY_REPORT") is { Length: > 0 } path
        ? Path.GetFullPath(path, Infrastructure.TestSettings.RepositoryRoot)
        : null;

    /// <summary>The command that produced the run, as the report quotes it (PIPELINE_RELIABILITY_COMMAND).</summary>
    public static string Command => Environment.GetEnvironmentVariable("PIPELINE_RELIABILITY_COMMAND") is { Length: > 0 } command
        ? command
        : "dotnet test --filter FullyQualifiedName~Pipeline.Tests.Reliability";

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
