using System.Globalization;

namespace Pipeline.Edge.Api.Voice;

/// <summary>The address of a spoken answer, <c>/api/learntrac/v1/voice/audio/response-{id}.{format}</c>, served to its owner only.</summary>
public static class VoiceAudioUrl
{
    public const string Route = "/api/learntrac/v1/voice/audio/{audio_id}";

    public static string AudioId(long id, string format) => $"response-{id.ToString(CultureInfo.InvariantCulture)}.{format}";

    public static string For(HttpRequest request, long id, string format) =>
        $"{request.Scheme}://{request.Host}{Route.Replace("{audio_id}", AudioId(id, format), StringComparison.Ordinal)}";

    /// <summary>The row id in "response-123.wav" (or "response-123", "123"); null for anything else.</summary>
    public static long? Parse(string audioId)
    {
        var text = audioId.StartsWith("response-", StringComparison.Ordinal) ? audioId["response-".Length..] : audioId;
        var dot = text.IndexOf('.');
        if (dot >= 0) text = text[..dot];
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
