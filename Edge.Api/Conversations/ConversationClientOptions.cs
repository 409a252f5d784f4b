using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Conversations;

/// <summary>How long an HTTP endpoint that answers with an AI reply waits for it (section <c>Conversations</c>).</summary>
public sealed class ConversationClientOptions
{
    public const string Section = "Conversations";

    [Range(1, 600)] public int ReplyWaitSeconds { get; set; } = 60;
}
