namespace Pipeline.Edge.Api.Analytics.Learner;

public sealed record MilestoneProgress(string Milestone, string StartDate, string? TargetDate, double? Progress, bool OnTrack, DateTime? AchievedAt);
