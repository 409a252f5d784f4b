namespace Pipeline.Domain.Analytics;

public sealed record LearnerGroup(string Kind, string Name, long Completions, double MasterySum, DateTime FirstAt, DateTime LastAt, DateTime? AchievedAt);
