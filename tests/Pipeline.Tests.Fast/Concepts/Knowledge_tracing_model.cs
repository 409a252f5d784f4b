using Pipeline.Domain.Concepts;

namespace Pipeline.Tests.Fast.Concepts;

/// <summary>The BKT update (<see cref="KnowledgeTracing"/>) against values worked by hand from its four parameters.</summary>
public sealed class Knowledge_tracing_model
{
    private static readonly KnowledgeTracing Model = KnowledgeTracing.Default;

    [Fact]
    public void A_correct_answer_from_the_prior_matches_the_hand_worked_posterior()
    {
        // P(L|correct) = 0.2*0.9 / (0.2*0.9 + 0.8*0.2) = 0.18/0.34; then learning: p + (1-p)*0.15.
        var posterior = 0.18 / 0.34;
        Assert.Equal(posterior + (1 - posterior) * 0.15, Model.Update(0.2, 1), 12);
    }

    [Fact]
    public void A_wrong_answer_from_the_prior_matches_the_hand_worked_posterior()
    {
        // P(L|wrong) = 0.2*0.1 / (0.2*0.1 + 0.8*0.8) = 0.02/0.66.
        var posterior = 0.02 / 0.66;
        Assert.Equal(posterior + (1 - posterior) * 0.15, Model.Update(0.2, 0), 12);
    }

    [Fact]
    public void Partial_credit_lies_between_the_wrong_and_the_correct_update()
    {
        var wrong = Model.Update(0.4, 0);
        var half = Model.Update(0.4, 0.5);
        var right = Model.Update(0.4, 1);
        Assert.True(wrong < half && half < right);
        Assert.Equal((wrong + right) / 2, half, 12);
    }

    [Theory]
    [InlineData(-3, 0)]
    [InlineData(7, 1)]
    public void Scores_outside_0_to_1_are_clamped(double score, double clampedTo) =>
        Assert.Equal(Model.Update(0.3, clampedTo), Model.Update(0.3, score), 12);

    [Fact]
    public void Repeated_correct_answers_raise_mastery_towards_one_and_wrong_ones_keep_it_low()
    {
        var mastered = Model.Estimate(Enumerable.Repeat(1.0, 8));
        var struggling = Model.Estimate(Enumerable.Repeat(0.0, 8));
        Assert.True(mastered > 0.99, $"mastery after 8 correct answers was {mastered}");
        Assert.True(struggling < 0.2, $"mastery after 8 wrong answers was {struggling}");
        Assert.Equal(Model.PriorLearned, Model.Estimate([]));
    }

    [Fact]
    public void The_chance_of_a_correct_answer_goes_from_guess_to_one_minus_slip()
    {
        Assert.Equal(Model.Guess, Model.PredictCorrect(0), 12);
        Assert.Equal(1 - Model.Slip, Model.PredictCorrect(1), 12);
        Assert.Equal(0.5 * 0.9 + 0.5 * 0.2, Model.PredictCorrect(0.5), 12);
    }
}
