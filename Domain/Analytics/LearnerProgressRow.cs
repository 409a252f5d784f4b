namespace Pipeline.Domain.Analytics;

public sealed record LearnerProgressRow(long UserId, long Completions, double? AverageMastery, double LearningHours, long Submissions,
    double? SuccessRate, DateTime? LastActive);
