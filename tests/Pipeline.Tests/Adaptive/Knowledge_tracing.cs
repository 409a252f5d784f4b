using Pipeline.Domain.Concepts;

namespace Pipeline.Tests.Adaptive;

/// <summary>
/// The BKT mastery model checked on simulated learners whose true state is known: each learner starts knowing the
/// concept or not, may learn it at every practice opportunity, and answers right or wrong with slip and guess noise.
/// The figures these tests print are in README ("Mastery model").
/// </summary>
public sealed class Knowledge_tracing(ITestOutputHelper output)
{
    private sealed record Truth(double Prior, double Learn, double Slip, double Guess);

    [Theory]
    [InlineData(0.2, 0.15, 0.1, 0.2, 0.05)]   // the model's own parameters
    [InlineData(0.1, 0.08, 0.15, 0.3, 0.20)]  // slower learners, more lucky guesses than the model assumes: overconfident
    [InlineData(0.4, 0.3, 0.05, 0.1, 0.05)]   // faster learners, cleaner answers
    public void Mastery_tracks_the_hidden_state_of_simulated_learners(double prior, double learn, double slip, double guess, double maxFalseMastery)
    {
        var truth = new Truth(prior, learn, slip, guess);
        var model = KnowledgeTracing.Default;
        var random = new Random(2026);
        const int learners = 4000, opportunities = 12;
        int agree = 0, total = 0, falseMastery = 0, claimedMastery = 0;
        double brier = 0;
        for (var l = 0; l < learners; l++)
        {
            var knows = random.NextDouble() < truth.Prior;
            var estimate = model.PriorLearned;
            for (var t = 0; t < opportunities; t++)
            {
                var correct = knows ? random.NextDouble() >= truth.Slip : random.NextDouble() < truth.Guess;
                estimate = model.Update(estimate, correct ? 1 : 0);
                if (!knows && random.NextDouble() < truth.Learn) knows = true;
                // The estimate includes the chance of learning at this opportunity, as the truth now does.
                var claims = estimate >= 0.8;
                if (claims == knows) agree++;
                if (claims) { claimedMastery++; if (!knows) falseMastery++; }
                brier += Math.Pow(estimate - (knows ? 1 : 0), 2);
                total++;
            }
        }
        var accuracy = (double)agree / total;
        var falseRate = claimedMastery == 0 ? 0 : (double)falseMastery / claimedMastery;
        output.WriteLine($"truth {truth}: accuracy {accuracy:0.000}, false mastery {falseRate:0.000}, Brier {brier / total:0.000}");
        Assert.True(accuracy >= 0.8, $"accuracy {accuracy:0.000}");
        Assert.True(falseRate <= maxFalseMastery, $"false mastery {falseRate:0.000}");
    }

    [Fact]
    public void Right_answers_raise_mastery_past_the_threshold_and_wrong_answers_never_do()
    {
        var model = KnowledgeTracing.Default;
        Assert.True(model.Estimate([1, 1, 1]) >= 0.8);
        Assert.True(model.Estimate(Enumerable.Repeat(0.0, 20)) < 0.5);
        Assert.True(model.Estimate([1, 0.5]) < model.Estimate([1, 1]));
        Assert.True(model.Update(0.5, 1) > 0.5 && model.Update(0.5, 0) < 0.5);
    }
}
