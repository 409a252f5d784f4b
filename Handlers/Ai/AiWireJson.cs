using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// The JSON shape exchanged with models: snake_case like the seeds' API, so a path planned by a model reads the same
/// as the one the API returns. Numbers written as strings are tolerated; models do that.
/// </summary>
public static class AiWireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        WriteIndented = false,
        // Prompts in any language reach the model as written, not as \uXXXX escapes that cost tokens. Never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Models without strict structured output often wrap their JSON in a Markdown code fence.</summary>
    public static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal)) return trimmed;
        var firstNewLine = trimmed.IndexOf('\n');
        var closingFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstNewLine < 0 || closingFence <= firstNewLine ? trimmed : trimmed[(firstNewLine + 1)..closingFence].Trim();
    }
}
