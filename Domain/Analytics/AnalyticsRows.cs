namespace Pipeline.Domain.Analytics;

// What the rollups answer. Classes with setters where a column is an array: Dapper hands arrays over only to setters.

public sealed record PeriodSummary(bool Current, long ActiveLearners, long Completions, double MasterySum, long LearningSeconds, long LearnersCompleting,
    long ActiveDays);

public sealed record TopConcept(long ConceptId, string? Title, long Completions, double? AverageTime, double? AverageScore);

public sealed record StrugglingConcept(long ConceptId, string? Title, double FailureRate, double AverageAttempts, long Submissions);

public sealed class SuccessfulPath
{
    public long[] Path { get; init; } = [];
    public long Learners { get; init; }
    public double SuccessRate { get; init; }
    public double? AverageTime { get; init; }
}

public sealed class LearnerActivity
{
    public int[] Hours { get; init; } = new int[24];
    public int[] Weekdays { get; init; } = new int[7];
}

public sealed record LearnerTotals(long Completions, double MasterySum, long LearningSeconds, long Submissions, long Passed, double ScoreSum,
    long RecentCompletions, long EarlierCompletions, long ActiveDays);

public sealed record LearnerGroup(string Kind, string Name, long Completions, double MasterySum, DateTime FirstAt, DateTime LastAt, DateTime? AchievedAt);

public sealed record LearnerProgressRow(long UserId, long Completions, double? AverageMastery, double LearningHours, long Submissions,
    double? SuccessRate, DateTime? LastActive);

public sealed record ConceptRow(long ConceptId, string? Title, long Completions, double? AverageMastery, double? AverageTime, long Submissions,
    double? FailureRate);

public sealed record MilestoneRow(string Milestone, long Learners, long Completions, double? AverageMastery, long Achieved);

public sealed record DailyCompletions(DateTime Day, long Completions);

public sealed record ComponentMastery(string Component, double AverageMastery, long Completions);

/// <summary>Which learners, days and milestones a report covers (seed 003 export filters).</summary>
public sealed record ReportFilters(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<long>? UserIds, IReadOnlyList<string>? Milestones);
