using System.Text.Json.Nodes;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.AiSettings;

/// <summary>
/// AI settings as seed 001's config routes show them: the provider and model (set by the deployment), and what a user
/// may change for their own conversations: temperature, max_tokens, language, tone, answer_length.
/// </summary>
public sealed record AiConfigView(string Provider, string Model, double Temperature, int MaxTokens, string Language, string Tone, string AnswerLength)
{
    public static readonly IReadOnlyList<string> Tones = ["friendly", "neutral", "formal", "encouraging"];
    public static readonly IReadOnlyList<string> AnswerLengths = ["short", "medium", "long"];

    /// <summary>The deployment's provider and model (section <c>Ai</c>) and conversation defaults.</summary>
    public static AiConfigView Defaults(IConfiguration configuration, ConversationClientOptions conversations)
    {
        var provider = configuration["Ai:Provider"] is { Length: > 0 } p ? p.Trim().ToLowerInvariant()
            : string.IsNullOrWhiteSpace(configuration["Ai:Endpoint"]) ? "offline" : "openai";
        var model = provider == "offline" ? "offline-templates-1" : configuration["Ai:Model"] ?? "gpt-4o-mini";
        return new AiConfigView(provider, model, conversations.Temperature, conversations.MaxReplyTokens, "en", "friendly", "medium");
    }

    /// <summary>The defaults with a user's stored changes over them.</summary>
    public AiConfigView With(JsonObject stored) => this with
    {
        Temperature = stored["temperature"]?.GetValue<double>() ?? Temperature,
        MaxTokens = stored["max_tokens"]?.GetValue<int>() ?? MaxTokens,
        Language = stored["language"]?.GetValue<string>() ?? Language,
        Tone = stored["tone"]?.GetValue<string>() ?? Tone,
        AnswerLength = stored["answer_length"]?.GetValue<string>() ?? AnswerLength,
    };
}
