using Microsoft.Extensions.AI;
using Pipeline.Domain.Conversations;
using Pipeline.Handlers.Conversations;

namespace Pipeline.Tests.Conversations;

/// <summary>What reaches the model for a reply (no services).</summary>
public sealed class Reply_prompts
{
    private static ConversationMessage Turn(long id, string role, string content) =>
        new(id, 1, role, content, MessageStatuses.Completed, null, null, 0, 0, 0, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    [Fact]
    public void The_system_prompt_names_the_kind_and_the_subject()
    {
        var subject = new ConversationSubject { CourseTitle = "Rust for C programmers", ModuleTitle = "Ownership" };

        var prompt = ReplyPromptBuilder.Build(ConversationKinds.Module, subject, "extra notes", [Turn(1, "user", "hi")], 3000);

        Assert.Equal(ChatRole.System, prompt[0].Role);
        Assert.Contains("tutor", prompt[0].Text);
        Assert.Contains("Track: Rust for C programmers", prompt[0].Text);
        Assert.Contains("Module: Ownership", prompt[0].Text);
        Assert.Contains("Context: extra notes", prompt[0].Text);
        Assert.Equal("hi", prompt[^1].Text);
    }

    [Fact]
    public void History_over_the_budget_is_summarised_and_recent_turns_kept_word_for_word()
    {
        var history = Enumerable.Range(1, 40)
            .Select(i => Turn(i, i % 2 == 1 ? "user" : "assistant", $"turn {i}: " + new string('x', 400)))
            .ToList();

        var prompt = ReplyPromptBuilder.Build(ConversationKinds.Planning, new ConversationSubject(), null, history, 1000);

        var summary = Assert.Single(prompt, m => m.Text.StartsWith(ReplyPromptBuilder.SummaryHeading));
        Assert.Contains("turn 1:", summary.Text);
        Assert.Equal(history[^1].Content, prompt[^1].Text);
        var verbatim = prompt.Skip(2).ToList();
        Assert.InRange(verbatim.Count, 2, 10);
        Assert.True(verbatim.Sum(m => ReplyPromptBuilder.EstimateTokens(m.Text)) <= 1000);
        Assert.DoesNotContain(verbatim, m => m.Text.StartsWith("turn 1:"));
    }

    [Fact]
    public void The_learners_settings_reach_the_system_prompt()
    {
        var style = ReplyPromptBuilder.Style(new System.Text.Json.Nodes.JsonObject { ["language"] = "ru", ["tone"] = "formal" });

        var prompt = ReplyPromptBuilder.Build(ConversationKinds.Planning, new ConversationSubject(), null, [Turn(1, "user", "hi")], 3000, style);

        Assert.Contains("Answer in the language with code 'ru'. Use a formal tone.", prompt[0].Text);
        Assert.Null(ReplyPromptBuilder.Style(new System.Text.Json.Nodes.JsonObject()));
    }
}
