namespace Pipeline.Edge.Api.Voice;

/// <summary><c>connect</c>'s data (seed 003), plus <c>session_id</c> from <c>POST /api/v1/ai/voice-session</c> to join that session.</summary>
public sealed record VoiceConnectData(string? SessionType, long? ConceptId, string? PreferredVoice, string? Language, string? SessionId);
