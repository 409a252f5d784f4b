using System.Text.RegularExpressions;

namespace Pipeline.Edge.Api.TutoringChat;

/// <summary>
/// Seed 003's reply parts. The model is asked for them as structured output (the reply worker's tutoring response
/// format: message, code_examples, follow_up_questions), stored beside the prose. A reply without them (a model that
/// ignored the format) is read from its Markdown: fenced code blocks become <c>code_examples</c> (titled by the line
/// above them), questions the tutor asked become <c>follow_up_questions</c>. When it asked nothing, the chat mode's
/// standard prompts are offered instead.
/// </summary>
public static partial class TutorReply
{
    public static readonly IReadOnlyDictionary<string, string[]> ModePrompts = new Dictionary<string, string[]>
    {
        ["tutoring"] = ["Can you explain that with a simpler example?", "What should I review before this?", "Can you give me a practice question?"],
        ["debugging"] = ["Can you walk through the code step by step?", "What are common causes of this error?", "How can I test the fix?"],
        ["explaining"] = ["Can you give me an analogy?", "How does this relate to what I already know?", "What are the key terms to remember?"],
        ["practice"] = ["Can you give me another exercise?", "Can you check my answer?", "What is a harder variant of this?"],
    };

    public sealed record CodeExample(string Language, string Title, string Code);

    [GeneratedRegex(@"```[ \t]*([\w#+.-]*)[ \t]*\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"[^.!?\n]*\?")]
    private static partial Regex Question();

    [GeneratedRegex("[\"“][^\"”\n]*[\"”]")]
    private static partial Regex Quoted();

    public static IReadOnlyList<CodeExample> CodeExamples(string content)
    {
        var examples = new List<CodeExample>();
        foreach (Match match in Fence().Matches(content))
        {
            var before = content[..match.Index].TrimEnd().Split('\n').LastOrDefault()?.Trim().Trim('#', '*', ':', ' ') ?? "";
            var title = before.Length is > 0 and <= 120 ? before : $"Example {examples.Count + 1}";
            examples.Add(new CodeExample(match.Groups[1].Value is { Length: > 0 } lang ? lang : "text", title, match.Groups[2].Value.TrimEnd('\n', '\r')));
        }
        return examples;
    }

    public static IReadOnlyList<string> Questions(string content, string mode)
    {
        // Code and quotations (the learner's own words, quoted back) are not the tutor's questions.
        var prose = Quoted().Replace(Fence().Replace(content, " "), " ");
        var asked = Question().Matches(prose).Select(m => m.Value.Trim().TrimStart('-', '*', ' ').Trim())
            .Where(q => q.Length is > 3 and <= 200).Distinct().TakeLast(3).ToList();
        return asked.Count > 0 ? asked : ModePrompts.GetValueOrDefault(mode, ModePrompts["tutoring"]);
    }

    public static string Context(string mode, long? conceptId, string? sessionId) =>
        $"LearnTrac tutoring chat, mode: {mode}." + (conceptId is { } c ? $" Concept id: {c}." : "") + (sessionId is null ? "" : $" Learning session: {sessionId}.")
        + " Answer with the JSON object the response format asks for: message (Markdown prose), code_examples (language, a short"
        + " title and the code, when code helps or is asked for) and up to three short follow_up_questions, each ending with '?'.";

    /// <summary>
    /// A reply's code examples and follow-up questions: from the model's structured output when it gave one (stored by
    /// the reply worker), otherwise read from its Markdown; with no follow-ups of its own, the mode's standard prompts.
    /// </summary>
    public static async Task<(IReadOnlyList<CodeExample> CodeExamples, IReadOnlyList<string> FollowUps)> PartsAsync(
        Pipeline.Domain.Conversations.ConversationStore store, long replyId, string content, string mode, CancellationToken ct)
    {
        if (await store.GetStructureAsync(replyId, ct) is not { } structure) return (CodeExamples(content), Questions(content, mode));
        var followUps = structure.FollowUpQuestions.Count > 0 ? structure.FollowUpQuestions : ModePrompts.GetValueOrDefault(mode, ModePrompts["tutoring"]);
        return (structure.CodeExamples.Select(c => new CodeExample(c.Language, c.Title, c.Code)).ToList(), followUps);
    }

    public static string ChatId(long id) => $"chat-{id}";
    public static string MessageId(long id) => $"msg-{id}";

    /// <summary>The number in "chat-123" / "msg-123" (or a bare number); null when it is neither.</summary>
    public static long? Parse(string value, string prefix)
    {
        var digits = value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
