namespace Pipeline.Domain.Platform;

/// <summary>A recorded progress event and the goal after it.</summary>
public sealed record GoalProgress(long EventId, double Delta, Goal Goal, bool Completed);
