using System.Text.Json;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Content;
using Pipeline.Tests.Fakes;

namespace Pipeline.Tests.Ai;

/// <summary>
/// The schema a model receives states every bound the validator then checks, so a server that answers anything the
/// schema allows (here: exactly its edges) never fails validation. Real OpenAI SDK, real HTTP, <see cref="FakeOpenAiServer"/>.
/// </summary>
public sealed class Structured_output_schemas : IAsyncLifetime
{
    private const string Prompt = "I want to learn trading in 30 days";
    private static readonly LearningGoals Goals = new(["trading"], "beginner", 30);

    private FakeOpenAiServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static SectionCardRequest Cards(int count) => new("Trading: A 30-Day Path", "Foundations of Trading", "Trading Fundamentals",
        ["trading basics", "core principles", "order types"], "beginner", count);

    [Fact]
    public async Task Every_bound_the_validator_checks_is_in_the_schema_the_model_receives()
    {
        await using var ai = await AiTestHost.StartAsync(_server.AiSettings);

        await ai.Generator.ExtractGoalsAsync(Prompt, Cancel);
        await ai.Generator.PlanPathAsync(Prompt, Goals, Cancel);
        await ai.Generator.GenerateCardsAsync(Cards(5), Cancel);

        var schemas = _server.Requests.ToDictionary(r => r.SchemaName!, r => r.Schema!.Value);
        var goals = schemas["learning_goals"].GetProperty("properties");
        AssertItems(goals.GetProperty("interests"), 0, LearningContentLimits.MaxInterests);
        AssertText(goals.GetProperty("interests").GetProperty("items"), LearningContentLimits.MaxKeywordLength);
        Assert.Equal(LearningContentLimits.DifficultyLevels, goals.GetProperty("difficulty_level").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("integer", goals.GetProperty("estimated_days").GetProperty("type").GetString());
        Assert.Equal((LearningContentLimits.MinDays, LearningContentLimits.MaxDays),
            (goals.GetProperty("estimated_days").GetProperty("minimum").GetInt32(), goals.GetProperty("estimated_days").GetProperty("maximum").GetInt32()));

        var path = schemas["learning_path_plan"];
        AssertText(path.GetProperty("properties").GetProperty("title"), LearningContentLimits.MaxTitleLength);
        AssertText(path.GetProperty("properties").GetProperty("description"), LearningContentLimits.MaxDescriptionLength);
        var courses = path.GetProperty("properties").GetProperty("courses");
        AssertItems(courses, 1, LearningContentLimits.MaxCourses);
        var course = courses.GetProperty("items").GetProperty("properties");
        AssertText(course.GetProperty("title"), LearningContentLimits.MaxTitleLength);
        AssertText(course.GetProperty("description"), LearningContentLimits.MaxDescriptionLength);
        AssertItems(course.GetProperty("sections"), 1, LearningContentLimits.MaxSectionsPerCourse);
        var section = course.GetProperty("sections").GetProperty("items").GetProperty("properties");
        AssertText(section.GetProperty("title"), LearningContentLimits.MaxTitleLength);
        AssertItems(section.GetProperty("keywords"), 1, LearningContentLimits.MaxKeywordsPerSection);
        AssertText(section.GetProperty("keywords").GetProperty("items"), LearningContentLimits.MaxKeywordLength);

        var cards = schemas["section_cards"].GetProperty("properties").GetProperty("cards");
        AssertItems(cards, 5 - LearningContentLimits.CardShortfallAllowed, 5);
        AssertText(cards.GetProperty("items").GetProperty("properties").GetProperty("front"), LearningContentLimits.MaxCardFrontLength);
        AssertText(cards.GetProperty("items").GetProperty("properties").GetProperty("back"), LearningContentLimits.MaxCardBackLength);
        Assert.All(_server.Requests, r => Assert.True(r.Strict));
    }

    [Theory]
    [InlineData(SchemaExtreme.Fewest)]
    [InlineData(SchemaExtreme.Most)]
    public async Task A_plan_on_the_schemas_edge_is_accepted_without_repairs(SchemaExtreme extreme)
    {
        await using var ai = await AiTestHost.StartAsync(_server.AiSettings);
        _server.Behaviour = _ => FakeChatReply.AtSchemaExtreme(extreme);

        var path = await ai.Generator.PlanPathAsync(Prompt, Goals, Cancel);

        Assert.Equal(1, path.Usage.Calls);
        var (courses, sections, keywords) = extreme == SchemaExtreme.Fewest
            ? (1, 1, 1)
            : (LearningContentLimits.MaxCourses, LearningContentLimits.MaxSectionsPerCourse, LearningContentLimits.MaxKeywordsPerSection);
        Assert.Equal(courses, path.Value.Courses.Count);
        Assert.All(path.Value.Courses, c => Assert.Equal(sections, c.Sections.Count));
        Assert.All(path.Value.Courses.SelectMany(c => c.Sections), s => Assert.Equal(keywords, s.Keywords.Count));
        Assert.Equal(extreme == SchemaExtreme.Fewest ? 1 : LearningContentLimits.MaxTitleLength, path.Value.Title.Length);
    }

    [Theory]
    [InlineData(SchemaExtreme.Fewest, 1)]
    [InlineData(SchemaExtreme.Fewest, 5)]
    [InlineData(SchemaExtreme.Fewest, LearningContentLimits.MaxCardsPerSection)]
    [InlineData(SchemaExtreme.Most, 1)]
    [InlineData(SchemaExtreme.Most, 5)]
    [InlineData(SchemaExtreme.Most, LearningContentLimits.MaxCardsPerSection)]
    public async Task Cards_on_the_schemas_edge_are_accepted_without_repairs(SchemaExtreme extreme, int cardCount)
    {
        await using var ai = await AiTestHost.StartAsync(_server.AiSettings);
        _server.Behaviour = _ => FakeChatReply.AtSchemaExtreme(extreme);

        var cards = await ai.Generator.GenerateCardsAsync(Cards(cardCount), Cancel);

        Assert.Equal(1, cards.Usage.Calls);
        var expected = extreme == SchemaExtreme.Fewest ? Math.Max(1, cardCount - LearningContentLimits.CardShortfallAllowed) : cardCount;
        Assert.Equal(expected, cards.Value.Count);
        Assert.All(cards.Value, card => Assert.Equal(extreme == SchemaExtreme.Fewest ? 1 : LearningContentLimits.MaxCardBackLength, card.Back.Length));
    }

    [Fact]
    public async Task Goals_on_the_schemas_edges_are_accepted_or_are_the_no_goal_answer()
    {
        await using var ai = await AiTestHost.StartAsync(_server.AiSettings);
        _server.Behaviour = _ => FakeChatReply.AtSchemaExtreme(SchemaExtreme.Most);

        var most = await ai.Generator.ExtractGoalsAsync(Prompt, Cancel);

        Assert.Equal((LearningContentLimits.MaxInterests, "advanced", LearningContentLimits.MaxDays),
            (most.Value.Interests.Count, most.Value.DifficultyLevel, most.Value.EstimatedDays));
        Assert.Equal(1, most.Usage.Calls);

        // The fewest interests the schema allows is none: the seed's "no learning goal" answer, not an invalid one.
        _server.Reset();
        _server.Behaviour = _ => FakeChatReply.AtSchemaExtreme(SchemaExtreme.Fewest);
        var error = await Assert.ThrowsAsync<AiPermanentException>(() => ai.Generator.ExtractGoalsAsync(Prompt, Cancel));
        Assert.Equal($"Failed to parse learning goals from prompt: {Prompt}", error.Message);
        Assert.Equal(1, _server.CallCount);
    }

    private static void AssertItems(JsonElement schema, int minItems, int maxItems) =>
        Assert.Equal((minItems, maxItems), (schema.GetProperty("minItems").GetInt32(), schema.GetProperty("maxItems").GetInt32()));

    private static void AssertText(JsonElement schema, int maxLength)
    {
        Assert.Equal((1, maxLength), (schema.GetProperty("minLength").GetInt32(), schema.GetProperty("maxLength").GetInt32()));
        Assert.Equal(@"\S", schema.GetProperty("pattern").GetString());
    }
}
