using System.Text;
using Microsoft.Extensions.AI;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>
/// The offline provider's answer to a chat turn (a request without a response schema): deterministic, labelled
/// <see cref="Label"/>, and built from what reached it: the latest user turn, the one before it (so a test can see the
/// history arrive) and the subject lines of the system prompt (track, module).
/// </summary>
public static class OfflineChatReply
{
    public const string Label = "[Offline tutor]";
    private const int QuoteLength = 120;

    public static string Write(IReadOnlyList<ChatMessage> messages)
    {
        var userTurns = messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text.Trim()).Where(t => t.Length > 0).ToList();
        var instructions = messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text).ToList();
        var system = instructions.FirstOrDefault() ?? "";
        var subject = SubjectLine(system, "Module") ?? SubjectLine(system, "Track");

        var reply = new StringBuilder(Label).Append(' ');
        if (userTurns.Count == 0)
        {
            // An opening with no user turn yet (e.g. a module's first tutor message, asked for by a hidden instruction).
            reply.Append(subject is null ? "Welcome! " : $"Welcome to \"{subject}\". ");
            reply.Append("Let's start with the key ideas, then try a short exercise together. What do you already know about it?");
            return reply.ToString();
        }

        reply.Append($"You asked: \"{Quote(userTurns[^1])}\". ");
        if (userTurns.Count > 1)
            reply.Append($"Earlier you said: \"{Quote(userTurns[^2])}\". ");
        if (subject is not null)
            reply.Append($"In the context of \"{subject}\": ");
        reply.Append("start from the core definitions, work through one small example, then check yourself with a question. ");
        reply.Append($"(Turn {userTurns.Count} of this conversation; no language model was used.)");
        return reply.ToString();
    }

    /// <summary>
    /// The same reply as a tutoring chat's structured answer (<see cref="AiSchemaNames.TutorReply"/>): the prose, no code
    /// examples and no follow-up questions of its own (the chat offers its mode's standard ones).
    /// </summary>
    public static string WriteStructured(IReadOnlyList<ChatMessage> messages) =>
        System.Text.Json.JsonSerializer.Serialize(new { message = Write(messages), code_examples = Array.Empty<object>(), follow_up_questions = Array.Empty<string>() },
            AiWireJson.Options);

    /// <summary>The reply cut into word-sized tokens (each keeps its trailing space), as a model would stream it.</summary>
    public static IEnumerable<string> Tokens(string reply)
    {
        var start = 0;
        for (var i = 0; i < reply.Length; i++)
        {
            if (reply[i] != ' ') continue;
            yield return reply[start..(i + 1)];
            start = i + 1;
        }
        if (start < reply.Length) yield return reply[start..];
    }

    private static string? SubjectLine(string systemPrompt, string label)
    {
        foreach (var line in systemPrompt.Split('\n'))
            if (line.StartsWith(label + ": ", StringComparison.Ordinal))
                return line[(label.Length + 2)..].Trim();
        return null;
    }

    private static string Quote(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= QuoteLength ? flat : flat[..QuoteLength] + "…";
    }
}
