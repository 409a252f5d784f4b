namespace Pipeline.Domain.Analytics;

public sealed record DailyCompletions(DateTime Day, long Completions);
