using Pipeline.Edge.Api.Schedule;

namespace Pipeline.Tests.Fast.Schedule;

/// <summary>RRULE validation and expansion on one local day (<see cref="Recurrence"/>).</summary>
public sealed class Recurrence_rules
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,WE")]
    [InlineData("FREQ=DAILY;COUNT=3")]
    public void A_valid_rule_has_no_problem(string rule) => Assert.Null(Recurrence.Problem(rule));

    [Theory]
    [InlineData("BYDAY=MO")]
    [InlineData("every monday")]
    [InlineData("FREQ=SOMETIMES")]
    public void A_rule_without_a_valid_freq_is_a_problem(string rule) => Assert.NotNull(Recurrence.Problem(rule));

    [Fact]
    public void A_one_off_block_appears_only_on_its_own_day()
    {
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        Assert.Single(Recurrence.OnDay(start, start.AddHours(1), null, new DateOnly(2026, 3, 2), TimeZoneInfo.Utc));
        Assert.Empty(Recurrence.OnDay(start, start.AddHours(1), null, new DateOnly(2026, 3, 3), TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_weekly_rule_expands_on_its_weekdays_only()
    {
        // 2026-03-02 is a Monday.
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var end = start.AddMinutes(90);
        const string rule = "FREQ=WEEKLY;BYDAY=MO,WE";

        var wednesday = Recurrence.OnDay(start, end, rule, new DateOnly(2026, 3, 11), TimeZoneInfo.Utc);
        var thursday = Recurrence.OnDay(start, end, rule, new DateOnly(2026, 3, 12), TimeZoneInfo.Utc);

        var occurrence = Assert.Single(wednesday);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero), occurrence.Start);
        Assert.Equal(TimeSpan.FromMinutes(90), occurrence.End - occurrence.Start);
        Assert.Empty(thursday);
    }

    [Fact]
    public void A_recurring_block_keeps_its_local_time_across_a_daylight_saving_change()
    {
        // 9:00 in Berlin on Friday 2026-03-27 (UTC+1); DST starts on Sunday 2026-03-29 (UTC+2).
        var start = new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.FromHours(1));
        var monday = Recurrence.OnDay(start, start.AddHours(1), "FREQ=DAILY", new DateOnly(2026, 3, 30), Berlin);

        var occurrence = Assert.Single(monday);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), occurrence.Start.ToUniversalTime());
    }

    [Fact]
    public void A_count_limited_rule_stops_after_its_count()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.Single(Recurrence.OnDay(start, start.AddHours(1), "FREQ=DAILY;COUNT=2", new DateOnly(2026, 3, 3), TimeZoneInfo.Utc));
        Assert.Empty(Recurrence.OnDay(start, start.AddHours(1), "FREQ=DAILY;COUNT=2", new DateOnly(2026, 3, 4), TimeZoneInfo.Utc));
    }
}
