using Pipeline.Handlers.Ai;

namespace Pipeline.Tests.Fast.Ai;

/// <summary>What the call-validate-repair loop tells the model about its answer (<see cref="AiOperation{TAnswer,T}.Read"/>).</summary>
public sealed class Model_output_validation
{
    private static SectionCardRequest Cards(int count) => new("Chess", "Openings", "Italian game", ["e4", "Bc4"], "beginner", count);

    private static string CardsJson(int count, Func<int, string>? front = null) =>
        "{\"cards\":[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"{{\"front\":\"{front?.Invoke(i) ?? $"Q{i}"}\",\"back\":\"A{i}\"}}")) + "]}";

    [Fact]
    public void Exactly_the_cards_asked_for_are_valid_and_trimmed()
    {
        var output = new GenerateCardsOperation(Cards(3)).Read(CardsJson(3, i => $"  Q{i} "));
        Assert.Empty(output.Errors);
        Assert.Equal(["Q0", "Q1", "Q2"], output.Value!.Select(c => c.Front));
    }

    [Fact]
    public void Extra_cards_are_dropped_not_repaired()
    {
        var output = new GenerateCardsOperation(Cards(3)).Read(CardsJson(5));
        Assert.Empty(output.Errors);
        Assert.Equal(3, output.Value!.Count);
    }

    [Fact]
    public void Too_few_cards_name_the_count_for_the_repair_message()
    {
        var output = new GenerateCardsOperation(Cards(5)).Read(CardsJson(1));
        var error = Assert.Single(output.Errors);
        Assert.Contains("cards must have", error);
        Assert.Contains("(had 1)", error);
    }

    [Fact]
    public void A_repeated_front_is_named_by_its_json_path()
    {
        var output = new GenerateCardsOperation(Cards(2)).Read(CardsJson(2, _ => "Same"));
        Assert.Equal(["cards[1].front repeats another card's front; every front must differ."], output.Errors);
    }

    [Fact]
    public void Text_over_its_limit_is_named_with_the_limit_and_the_length()
    {
        var longFront = new string('x', LearningContentLimits.MaxCardFrontLength + 1);
        var output = new GenerateCardsOperation(Cards(1)).Read(CardsJson(1, _ => longFront));
        Assert.Equal([$"cards[0].front must be at most {LearningContentLimits.MaxCardFrontLength} characters (was {longFront.Length})."], output.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("{\"cards\": [")]
    public void Empty_null_or_broken_json_is_invalid_with_a_reason(string text)
    {
        var output = new GenerateCardsOperation(Cards(2)).Read(text);
        Assert.NotEmpty(output.Errors);
        Assert.Null(output.Value);
    }

    [Fact]
    public void A_json_answer_inside_a_code_fence_is_read()
    {
        var output = new GenerateCardsOperation(Cards(1)).Read("```json\n" + CardsJson(1) + "\n```");
        Assert.Empty(output.Errors);
    }

    [Fact]
    public void Goals_with_an_unknown_difficulty_or_days_out_of_range_are_invalid()
    {
        var output = new ExtractGoalsOperation("learn chess").Read("{\"interests\":[\"chess\"],\"difficulty_level\":\"wizard\",\"estimated_days\":100000}");
        Assert.Equal(2, output.Errors.Count);
        Assert.Contains(output.Errors, e => e.StartsWith("difficulty_level must be one of"));
        Assert.Contains(output.Errors, e => e.StartsWith("estimated_days must be between"));
    }

    [Fact]
    public void Goals_are_normalised_trimmed_and_lower_cased()
    {
        var output = new ExtractGoalsOperation("learn chess").Read("{\"interests\":[\" chess \"],\"difficulty_level\":\" Beginner \",\"estimated_days\":10}");
        Assert.Empty(output.Errors);
        Assert.Equal(["chess"], output.Value!.Interests);
        Assert.Equal("beginner", output.Value.DifficultyLevel);
    }

    [Fact]
    public void The_validation_collector_reports_missing_arrays_and_counts_out_of_range()
    {
        var validation = new OutputValidation();
        Assert.False(validation.Count<string>(null, "items", 1, 3));
        Assert.False(validation.Count(["a", "b", "c", "d"], "items", 1, 3));
        Assert.True(validation.Count(["a"], "items", 1, 3));
        Assert.False(validation.Text(" ", "title", 10));
        Assert.Equal(["items is missing; it must be an array.", "items must have 1 to 3 items (had 4).", "title must be a non-empty string."], validation.Errors);
    }
}
