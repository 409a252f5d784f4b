using System.Text.Json;
using Pipeline.Handlers.Ai;
using Pipeline.Handlers.Ai.Offline;
using Pipeline.Messages.Content;

namespace Pipeline.Tests.Ai;

/// <summary>The default provider, through the same generator (and so the same validation) as a real model.</summary>
public sealed class Offline_provider : IAsyncLifetime
{
    private AiTestHost _ai = null!;

    public async ValueTask InitializeAsync() => _ai = await AiTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _ai.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(LearningGoals Goals, PlannedPath Path, IReadOnlyList<(PlannedSection Section, IReadOnlyList<CardContent> Cards)> Cards)> GenerateAsync(string prompt)
    {
        var goals = await _ai.Generator.ExtractGoalsAsync(prompt, Cancel);
        var path = await _ai.Generator.PlanPathAsync(prompt, goals.Value, Cancel);
        // One call each: offline output passes validation the first time, no repairs.
        Assert.Equal(1, goals.Usage.Calls);
        Assert.Equal(1, path.Usage.Calls);
        var cards = new List<(PlannedSection, IReadOnlyList<CardContent>)>();
        foreach (var course in path.Value.Courses)
            foreach (var section in course.Sections)
            {
                var result = await _ai.Generator.GenerateCardsAsync(
                    new SectionCardRequest(path.Value.Title, course.Title, section.Title, section.Keywords, goals.Value.DifficultyLevel, 5), Cancel);
                Assert.Equal(1, result.Usage.Calls);
                cards.Add((section, result.Value));
            }
        return (goals.Value, path.Value, cards);
    }

    [Theory]
    [InlineData("I want to learn trading in 30 days", "trading", "beginner", 30)]
    [InlineData("Teach me advanced machine learning in 3 weeks", "machine learning", "advanced", 21)]
    [InlineData("I'd like to get better at Python over 2 months", "Python", "intermediate", 60)]
    [InlineData("Beginner guitar lessons for a week please", "guitar lessons", "beginner", 7)]
    [InlineData("learn about the basics of photography", "photography", "beginner", 30)]
    public async Task Reads_topic_difficulty_and_duration_from_the_prompt(string prompt, string topic, string difficulty, int days)
    {
        var goals = (await _ai.Generator.ExtractGoalsAsync(prompt, Cancel)).Value;

        Assert.Equal([topic], goals.Interests);
        Assert.Equal(difficulty, goals.DifficultyLevel);
        Assert.Equal(days, goals.EstimatedDays);
    }

    [Fact]
    public async Task Several_topics_become_several_interests()
    {
        var goals = (await _ai.Generator.ExtractGoalsAsync("I want to study Spanish and French in 2 months", Cancel)).Value;

        Assert.Equal(["Spanish", "French"], goals.Interests);
    }

    [Theory]
    [InlineData("asdfgh qwrtzp")]
    [InlineData("??? !!! 123")]
    public async Task Gibberish_has_no_learning_goal(string prompt)
    {
        var error = await Assert.ThrowsAsync<AiPermanentException>(() => _ai.Generator.ExtractGoalsAsync(prompt, Cancel));

        Assert.Equal($"Failed to parse learning goals from prompt: {prompt}", error.Message);
    }

    [Fact]
    public async Task The_same_prompt_gives_the_same_content()
    {
        const string prompt = "I want to learn trading in 30 days";
        var first = await GenerateAsync(prompt);
        await using var otherHost = await AiTestHost.StartAsync();
        var secondPath = await otherHost.Generator.PlanPathAsync(prompt, first.Goals, Cancel);
        var section = first.Path.Courses[1].Sections[2];
        var secondCards = await otherHost.Generator.GenerateCardsAsync(
            new SectionCardRequest(first.Path.Title, first.Path.Courses[1].Title, section.Title, section.Keywords, "beginner", 5), Cancel);

        Assert.Equal(JsonSerializer.Serialize(first.Path), JsonSerializer.Serialize(secondPath.Value));
        Assert.Equal(first.Cards.Single(c => c.Section == section).Cards, secondCards.Value);
    }

    [Fact]
    public async Task The_topic_shows_in_titles_and_a_longer_duration_gives_a_bigger_path()
    {
        var month = (await GenerateAsync("I want to learn trading in 30 days")).Path;
        var week = (await GenerateAsync("I want to learn trading in 7 days")).Path;

        Assert.Contains("Trading", month.Title);
        Assert.All(month.Courses, course => Assert.Contains("Trading", course.Title));
        Assert.True(month.Courses.Count > week.Courses.Count, $"30 days: {month.Courses.Count} courses, 7 days: {week.Courses.Count}");
        Assert.True(month.Courses.Sum(c => c.Sections.Count) > week.Courses.Sum(c => c.Sections.Count));
        Assert.InRange(month.Courses.Count, 3, 5);
        Assert.All(month.Courses, course => Assert.InRange(course.Sections.Count, 3, 4));
    }

    [Fact]
    public async Task Advanced_learners_skip_the_basics()
    {
        var beginner = (await GenerateAsync("I want to learn chess in 30 days as a beginner")).Path;
        var advanced = (await GenerateAsync("I want to learn advanced chess in 30 days")).Path;

        Assert.Equal("Chess Fundamentals", beginner.Courses[0].Sections[0].Title);
        Assert.DoesNotContain(advanced.Courses.SelectMany(c => c.Sections), s => s.Title == "Chess Fundamentals");
        Assert.True(advanced.Courses.Sum(c => c.Sections.Count) > beginner.Courses.Sum(c => c.Sections.Count));
    }

    [Fact]
    public async Task Everything_it_writes_is_labelled_offline()
    {
        var (_, path, cards) = await GenerateAsync("I want to learn trading in 30 days");

        Assert.StartsWith(OfflineLabel.DescriptionPrefix, path.Description);
        Assert.All(path.Courses, course => Assert.StartsWith(OfflineLabel.DescriptionPrefix, course.Description));
        Assert.All(cards.SelectMany(c => c.Cards), card => Assert.EndsWith(OfflineLabel.CardBackSuffix, card.Back));
    }

    [Fact]
    public async Task Sections_and_cards_vary_across_a_path()
    {
        var (_, path, cards) = await GenerateAsync("Teach me advanced machine learning in 90 days");

        var sections = path.Courses.SelectMany(c => c.Sections).ToList();
        Assert.Equal(sections.Count, sections.Select(s => s.Title).Distinct().Count());
        Assert.True(sections.Select(s => string.Join("|", s.Keywords)).Distinct().Count() > sections.Count / 2);
        var fronts = cards.SelectMany(c => c.Cards).Select(card => card.Front).ToList();
        Assert.Equal(fronts.Count, fronts.Distinct().Count());
        Assert.All(cards, entry => Assert.All(entry.Cards, card => Assert.Contains(entry.Section.Keywords, k => card.Front.Contains(k))));
        Assert.True(fronts.Select(f => f.Split(' ')[0]).Distinct().Count() >= 3, "cards should use several question forms");
    }

    [Theory]
    [InlineData("I want to master quantum computing in a year")]
    [InlineData("learn C# in 1 day")]
    [InlineData("Intermediate SQL, Docker and Kubernetes over six months")]
    public async Task Its_output_passes_the_generator_validation_at_the_extremes(string prompt)
    {
        var (goals, path, cards) = await GenerateAsync(prompt);

        Assert.InRange(goals.EstimatedDays, 1, 365);
        Assert.InRange(path.Courses.Count, 1, LearningContentLimits.MaxCourses);
        Assert.All(cards, entry => Assert.Equal(5, entry.Cards.Count));
    }

    [Fact]
    public async Task Reports_plausible_token_usage()
    {
        var goals = await _ai.Generator.ExtractGoalsAsync("I want to learn trading in 30 days", Cancel);

        Assert.Equal("offline", goals.Usage.Provider);
        Assert.Equal(OfflineChatClient.ModelId, goals.Usage.Model);
        Assert.InRange(goals.Usage.PromptTokens, 50, 2000);
        Assert.InRange(goals.Usage.CompletionTokens, 5, 200);
    }
}
