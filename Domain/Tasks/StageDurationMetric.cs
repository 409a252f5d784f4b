namespace Pipeline.Domain.Tasks;

/// <summary>How long a pipeline stage took over the tasks that went through it (from the saga's stage timings).</summary>
public sealed record StageDurationMetric(string Stage, long Tasks, double P50Seconds, double P95Seconds, double AvgSeconds);
