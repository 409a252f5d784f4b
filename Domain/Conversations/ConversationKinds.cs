namespace Pipeline.Domain.Conversations;

/// <summary>What a conversation is for; each kind has its own system prompt (Handlers/Conversations/SystemPrompts).</summary>
public static class ConversationKinds
{
    /// <summary>Seed 001: planning a track with the AI (sessions and their chats).</summary>
    public const string Planning = "planning";

    /// <summary>Seed 001: learning one module with an AI tutor.</summary>
    public const string Module = "module";

    /// <summary>Seed 003: tutoring chat about a concept.</summary>
    public const string Tutoring = "tutoring";

    /// <summary>Seed 004: the platform's AI assistant.</summary>
    public const string Assistant = "assistant";

    public static readonly IReadOnlyList<string> All = [Planning, Module, Tutoring, Assistant];
}
