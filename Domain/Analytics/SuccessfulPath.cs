namespace Pipeline.Domain.Analytics;

// A class with setters, not a record: a column of this row is an array, and Dapper hands arrays over only to setters.
public sealed class SuccessfulPath
{
    public long[] Path { get; init; } = [];
    public long Learners { get; init; }
    public double SuccessRate { get; init; }
    public double? AverageTime { get; init; }
}
