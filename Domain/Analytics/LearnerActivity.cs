namespace Pipeline.Domain.Analytics;

// A class with setters, not a record: a column of this row is an array, and Dapper hands arrays over only to setters.
public sealed class LearnerActivity
{
    public int[] Hours { get; init; } = new int[24];
    public int[] Weekdays { get; init; } = new int[7];
}
