using Pipeline.Edge.Api.Concepts.Complete;

namespace Pipeline.Edge.Api.Exercises.Submit;

public sealed record Response(Result Result, Feedback Feedback, IReadOnlyList<AchievementView> Achievements);
