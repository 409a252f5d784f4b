namespace Pipeline.Tests.Reliability;

/// <summary>What the status endpoint did under the load test's pollers: requests, errors and latency.</summary>
public sealed record LoadOutcome(
    int Pollers,
    int Learners,
    TimeSpan Duration,
    TimeSpan ThinkTime,
    long Requests,
    long Errors,
    IReadOnlyList<string> ErrorSamples,
    TimeSpan P50,
    TimeSpan P95,
    TimeSpan P99,
    TimeSpan Max)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public override string ToString() =>
        $"{Pollers} pollers for {Duration.TotalSeconds:0} s: {Requests} requests ({RequestsPerSecond:0}/s), {Errors} errors, " +
        $"p50 {P50.TotalMilliseconds:0.0} ms, p95 {P95.TotalMilliseconds:0.0} ms, p99 {P99.TotalMilliseconds:0.0} ms, max {Max.TotalMilliseconds:0} ms";
}
