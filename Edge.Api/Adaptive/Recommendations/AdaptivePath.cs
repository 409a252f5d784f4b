namespace Pipeline.Edge.Api.Adaptive.Recommendations;

public sealed record AdaptivePath(IReadOnlyList<long> ShortTerm, IReadOnlyList<long> MediumTerm, string LongTermGoal);
