namespace Pipeline.Domain.Analytics;

public sealed record PeriodSummary(bool Current, long ActiveLearners, long Completions, double MasterySum, long LearningSeconds, long LearnersCompleting,
    long ActiveDays);
