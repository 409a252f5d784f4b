namespace Pipeline.Operations.Metrics;

/// <summary>
/// Fixed histogram buckets (milliseconds) for processing and critical times. Fixed bounds let every instance's counts
/// be added up in the database and still give percentiles and Prometheus histograms for the whole system.
/// </summary>
public static class MessageTimingBuckets
{
    /// <summary>Upper bounds; one more bucket (+Inf) follows the last.</summary>
    public static readonly double[] UpperBoundsMs = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000];

    public static int Count => UpperBoundsMs.Length + 1;

    public static int IndexOf(double milliseconds)
    {
        for (var i = 0; i < UpperBoundsMs.Length; i++)
            if (milliseconds <= UpperBoundsMs[i]) return i;
        return UpperBoundsMs.Length;
    }

    /// <summary>
    /// The q-quantile (0..1) estimated from bucket counts, interpolated linearly inside its bucket; null without data.
    /// Values in the +Inf bucket are reported as the last finite bound.
    /// </summary>
    public static double? Quantile(IReadOnlyList<long> counts, double q)
    {
        var total = counts.Sum();
        if (total == 0) return null;
        var target = q * total;
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < target) { seen += counts[i]; continue; }
            if (i >= UpperBoundsMs.Length) return UpperBoundsMs[^1];
            var lower = i == 0 ? 0 : UpperBoundsMs[i - 1];
            var share = (target - seen) / counts[i];
            return Math.Round(lower + (UpperBoundsMs[i] - lower) * Math.Clamp(share, 0, 1), 1);
        }
        return UpperBoundsMs[^1];
    }
}
