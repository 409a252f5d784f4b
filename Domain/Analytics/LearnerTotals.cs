namespace Pipeline.Domain.Analytics;

public sealed record LearnerTotals(long Completions, double MasterySum, long LearningSeconds, long Submissions, long Passed, double ScoreSum,
    long RecentCompletions, long EarlierCompletions, long ActiveDays);
