using System.Globalization;
using System.ClientModel.Primitives;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// Reads how long a provider asked us to wait. OpenAI sends <c>retry-after-ms</c> alongside the standard
/// <c>Retry-After</c> (delta-seconds or an HTTP date); the more precise one wins.
/// </summary>
public static class RetryAfterHeader
{
    public static TimeSpan? Read(PipelineResponse? response, DateTimeOffset now)
    {
        if (response is null) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            return TimeSpan.FromMilliseconds(ms);
        return response.Headers.TryGetValue("Retry-After", out var value) ? Parse(value, now) : null;
    }

    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
