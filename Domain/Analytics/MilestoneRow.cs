namespace Pipeline.Domain.Analytics;

public sealed record MilestoneRow(string Milestone, long Learners, long Completions, double? AverageMastery, long Achieved);
