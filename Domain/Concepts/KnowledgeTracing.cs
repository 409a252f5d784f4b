namespace Pipeline.Domain.Concepts;

/// <summary>
/// Bayesian Knowledge Tracing (Corbett and Anderson, 1995) per learner and concept: a hidden "learned" state, a prior,
/// a chance to learn at each practice opportunity, and slip/guess probabilities linking the state to observed answers.
/// Scores between 0 and 1 (partial credit) weight the correct and incorrect posteriors. README "Mastery model" says
/// how it was checked on simulated learners (tests/Pipeline.Tests/Adaptive/Knowledge_tracing.cs).
/// </summary>
public sealed record KnowledgeTracing(double PriorLearned = 0.2, double LearnRate = 0.15, double Slip = 0.1, double Guess = 0.2)
{
    public static readonly KnowledgeTracing Default = new();

    /// <summary>P(learned) after observing an answer scored <paramref name="score"/> (0..1), given P(learned) before it.</summary>
    public double Update(double pLearned, double score)
    {
        score = Math.Clamp(score, 0, 1);
        var ifCorrect = pLearned * (1 - Slip) / (pLearned * (1 - Slip) + (1 - pLearned) * Guess);
        var ifWrong = pLearned * Slip / (pLearned * Slip + (1 - pLearned) * (1 - Guess));
        var posterior = score * ifCorrect + (1 - score) * ifWrong;
        return posterior + (1 - posterior) * LearnRate;
    }

    /// <summary>P(learned) after a sequence of scores, starting from the prior.</summary>
    public double Estimate(IEnumerable<double> scores) => scores.Aggregate(PriorLearned, Update);

    /// <summary>P(the next answer is correct) given P(learned).</summary>
    public double PredictCorrect(double pLearned) => pLearned * (1 - Slip) + (1 - pLearned) * Guess;
}
