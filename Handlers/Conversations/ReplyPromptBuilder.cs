using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Conversations;

namespace Pipeline.Handlers.Conversations;

/// <summary>
/// The messages sent to the model for one reply: the kind's system prompt with what the conversation is about (track,
/// module, draft plan, a feature's own context), then the history up to the message being answered. Recent turns go
/// word for word within <see cref="ConversationOptions.HistoryTokenBudget"/>; older ones are summarised in one system
/// message (an extract of each turn, so summarising costs no model call).
/// </summary>
public sealed class ReplyPromptBuilder(ConversationStore store, IOptions<ConversationOptions> options)
{
    public const string SummaryHeading = "Summary of the earlier conversation:";
    private const int SummaryCharactersPerTurn = 160;

    public async Task<List<ChatMessage>> BuildAsync(Conversation conversation, long answeredMessageId, CancellationToken cancellationToken,
        string? style = null)
    {
        var subject = await store.GetSubjectAsync(conversation, cancellationToken);
        var history = (await store.ListMessagesAsync(conversation.Id, answeredMessageId, includeSystem: true, cancellationToken))
            .Where(m => m.Role != MessageRoles.Assistant || (m.Status is MessageStatuses.Completed or MessageStatuses.Stopped && m.Content.Length > 0))
            .ToList();
        return Build(conversation.Kind, subject, conversation.Context, history, options.Value.HistoryTokenBudget, style);
    }

    public static List<ChatMessage> Build(string kind, ConversationSubject subject, string? context, IReadOnlyList<ConversationMessage> history,
        int tokenBudget, string? style = null)
    {
        var system = SystemPrompt(kind, subject, context);
        if (!string.IsNullOrWhiteSpace(style)) system += "\n" + style;
        var messages = new List<ChatMessage> { new(ChatRole.System, system) };

        // Newest first until the budget is spent; the message being answered always goes.
        var kept = new List<ConversationMessage>();
        var spent = 0;
        var index = history.Count - 1;
        for (; index >= 0; index--)
        {
            var cost = EstimateTokens(history[index].Content);
            if (kept.Count > 0 && spent + cost > tokenBudget) break;
            spent += cost;
            kept.Add(history[index]);
        }
        if (index >= 0)
            messages.Add(new ChatMessage(ChatRole.System, Summary(history.Take(index + 1))));
        kept.Reverse();
        messages.AddRange(kept.Select(m => new ChatMessage(m.Role switch
        {
            MessageRoles.Assistant => ChatRole.Assistant,
            MessageRoles.System => ChatRole.System,
            _ => ChatRole.User,
        }, m.Content)));
        return messages;
    }

    /// <summary>The learner's own settings (seed 001 user-config) as an instruction: language, tone, answer length.</summary>
    public static string? Style(System.Text.Json.Nodes.JsonObject config)
    {
        var parts = new List<string>();
        if (config["language"]?.GetValue<string>() is { } language) parts.Add($"Answer in the language with code '{language}'.");
        if (config["tone"]?.GetValue<string>() is { } tone) parts.Add($"Use a {tone} tone.");
        if (config["answer_length"]?.GetValue<string>() is { } length) parts.Add($"Keep answers {length}.");
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>About four characters per token, as in OpenAI's tokenizers for English text, plus the message overhead.</summary>
    public static int EstimateTokens(string text) => text.Length / 4 + 4;

    private static string SystemPrompt(string kind, ConversationSubject subject, string? context)
    {
        var prompt = new StringBuilder(SystemPrompts.For(kind));
        void Line(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) prompt.Append('\n').Append(label).Append(": ").Append(value.Trim());
        }
        Line("Track", subject.CourseTitle);
        Line("Track description", subject.CourseDescription);
        Line("Skill area", subject.SkillArea);
        Line("Difficulty", subject.DifficultyLevel);
        Line("Learner's expectations", subject.UserExpectations);
        Line("Module", subject.ModuleTitle);
        Line("Module description", subject.ModuleDescription);
        if (subject.ModuleObjectives is { Length: > 0 } objectives) Line("Module objectives", string.Join("; ", objectives));
        if (subject.DraftPlan is not null) Line("Current draft plan (JSON)", subject.DraftPlan.ToJsonString());
        Line("Context", context);
        return prompt.ToString();
    }

    private static string Summary(IEnumerable<ConversationMessage> older)
    {
        var summary = new StringBuilder(SummaryHeading);
        foreach (var message in older)
        {
            var text = message.Content.ReplaceLineEndings(" ").Trim();
            if (text.Length > SummaryCharactersPerTurn) text = text[..SummaryCharactersPerTurn] + "…";
            summary.Append("\n- ").Append(message.Role).Append(": ").Append(text);
        }
        return summary.ToString();
    }
}
