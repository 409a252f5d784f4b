namespace Pipeline.Domain.Trac;

/// <summary>Trac 1.x stores times as microseconds since the Unix epoch (int64 columns).</summary>
public static class TracTime
{
    public static long From(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset ToDateTime(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
}
