using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Conversations;

/// <summary>
/// How long an HTTP endpoint that answers with an AI reply waits for it, and the reply defaults the AI settings routes
/// show (section <c>Conversations</c>; the Handlers host uses the same temperature and token bound with its own
/// <c>ConversationOptions</c>).
/// </summary>
public sealed class ConversationClientOptions
{
    public const string Section = "Conversations";

    [Range(1, 600)] public int ReplyWaitSeconds { get; set; } = 60;

    /// <summary>The default temperature of a user's conversations (AiSettings/AiConfigView).</summary>
    [Range(0.0, 2.0)] public double Temperature { get; set; } = 0.7;

    /// <summary>The default answer length bound of a user's conversations, in tokens (AiSettings/AiConfigView).</summary>
    [Range(16, 32_000)] public int MaxReplyTokens { get; set; } = 1024;
}
