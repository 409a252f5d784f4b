namespace Pipeline.Messages.Learning;

/// <summary>Published when a learner has completed every concept of a Trac milestone (seed 003).</summary>
public sealed record MilestoneAchieved(long UserId, string Milestone, DateTimeOffset AchievedAt);
