namespace Pipeline.Domain.Concepts;

/// <summary>What adaptive feedback has taught us about a learner.</summary>
public sealed record LearnerProfile(double DifficultyOffset, double Pace, IReadOnlyDictionary<string, double> ResourceWeights)
{
    public static readonly LearnerProfile Default = new(0, 1, new Dictionary<string, double> { ["documentation"] = 0.4, ["video"] = 0.3, ["exercises"] = 0.3 });
}
