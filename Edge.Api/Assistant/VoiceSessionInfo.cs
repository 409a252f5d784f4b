namespace Pipeline.Edge.Api.Assistant;

/// <summary>What a client needs to open the voice channel: seed 003's voice WebSocket and the session id to send in its connect message.</summary>
public sealed record VoiceSessionInfo(string SessionId, string WebsocketUrl, string Protocol, object ConnectMessage, DateTimeOffset ExpiresAt)
{
    public const string VoicePath = "/ws/voice";

    public static VoiceSessionInfo For(HttpRequest request, long conversationId)
    {
        var scheme = request.Scheme == "https" ? "wss" : "ws";
        var sessionId = $"voice-session-{conversationId}";
        return new VoiceSessionInfo(sessionId, $"{scheme}://{request.Host}{VoicePath}?token={{access_token}}", "learntrac-voice-v1",
            new { action = "connect", data = new { session_type = "voice_tutoring", session_id = sessionId, language = "en-US" } },
            DateTimeOffset.UtcNow.AddMinutes(30));
    }
}
