using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Conversations;

/// <summary>How the reply worker builds prompts and stores replies (section <c>Conversations</c>).</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>Tokens (estimated at 4 characters each) of recent history sent word for word; older turns are summarised.</summary>
    [Range(200, 200_000)] public int HistoryTokenBudget { get; set; } = 3000;

    /// <summary>How often a streaming reply's text so far is saved, so a client reconnecting mid-reply can resume it.</summary>
    [Range(20, 10_000)] public int SaveIntervalMs { get; set; } = 250;

    /// <summary>Answer length bound passed to the model.</summary>
    [Range(16, 32_000)] public int MaxReplyTokens { get; set; } = 1024;

    [Range(0.0, 2.0)] public double Temperature { get; set; } = 0.7;

    /// <summary>Price per 1,000 prompt/completion tokens recorded as each message's cost (0 for the offline provider).</summary>
    [Range(0.0, 1000.0)] public double PromptCostPer1kTokens { get; set; }

    [Range(0.0, 1000.0)] public double CompletionCostPer1kTokens { get; set; }

    /// <summary>In-process retries of a reply whose model call failed transiently, before it is stored as failed.</summary>
    [Range(0, 10)] public int TransientRetries { get; set; } = 2;
}
