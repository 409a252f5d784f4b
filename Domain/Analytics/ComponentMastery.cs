namespace Pipeline.Domain.Analytics;

public sealed record ComponentMastery(string Component, double AverageMastery, long Completions);
