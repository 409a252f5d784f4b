namespace Pipeline.Domain.Analytics;

public sealed record ConceptRow(long ConceptId, string? Title, long Completions, double? AverageMastery, double? AverageTime, long Submissions,
    double? FailureRate);
