namespace Pipeline.Messages.Analytics;

public static class AnalyticsQueues
{
    /// <summary>Accepts <see cref="BuildAnalyticsExport"/>.</summary>
    public const string Exports = "analytics-exports";

    public static Uri ExportsAddress { get; } = new($"queue:{Exports}");
}
