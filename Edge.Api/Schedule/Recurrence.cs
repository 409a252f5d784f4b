using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Pipeline.Edge.Api.Schedule;

/// <summary>RFC 5545 recurrence (Ical.Net): validating an RRULE and expanding a block's occurrences on one local day.</summary>
public static class Recurrence
{
    /// <summary>Null when the rule parses; otherwise what is wrong with it.</summary>
    public static string? Problem(string rule)
    {
        try
        {
            _ = new RecurrencePattern(rule);
            return rule.Contains("FREQ=", StringComparison.OrdinalIgnoreCase) ? null : "recurring must name a FREQ.";
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return "recurring must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO,WE.";
        }
    }

    /// <summary>
    /// The block's occurrences that overlap the local day <paramref name="date"/> in <paramref name="zone"/>. The rule
    /// repeats the block at the same local time of day in the user's zone (a 9:00 block stays 9:00 across DST).
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> OnDay(DateTimeOffset start, DateTimeOffset end, string? rule,
        DateOnly date, TimeZoneInfo zone)
    {
        var dayStart = Local(date.ToDateTime(TimeOnly.MinValue), zone);
        var dayEnd = Local(date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        if (string.IsNullOrWhiteSpace(rule))
            return start < dayEnd && end > dayStart ? [(start, end)] : [];

        var duration = end - start;
        var localStart = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var calendarEvent = new CalendarEvent
        {
            DtStart = new CalDateTime(localStart, zone.Id),
            Duration = Ical.Net.DataTypes.Duration.FromTimeSpanExact(duration),
        };
        calendarEvent.RecurrenceRule = new RecurrencePattern(rule);
        // Occurrences starting up to one duration before the day can still reach into it.
        var from = new CalDateTime(TimeZoneInfo.ConvertTime(dayStart - duration, zone).DateTime, zone.Id);
        var until = dayEnd.UtcDateTime;
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var occurrence in calendarEvent.GetOccurrences(from).TakeWhile(o => o.Period.StartTime.AsUtc < until))
        {
            var occurrenceStart = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
            var occurrenceEnd = occurrenceStart + duration;
            if (occurrenceStart < dayEnd && occurrenceEnd > dayStart)
                result.Add((occurrenceStart, occurrenceEnd));
        }
        return result;
    }

    private static DateTimeOffset Local(DateTime wallClock, TimeZoneInfo zone) =>
        new(wallClock, zone.GetUtcOffset(wallClock));
}
