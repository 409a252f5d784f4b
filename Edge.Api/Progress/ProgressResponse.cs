namespace Pipeline.Edge.Api.Progress;

public sealed record ProgressResponse(string UserId, Overall OverallProgress, IReadOnlyList<MilestoneProgress> Milestones,
    IReadOnlyList<Activity> RecentActivity, Velocity LearningVelocity, IReadOnlyList<Strength> Strengths,
    IReadOnlyList<ProgressRecommendation> Recommendations);
