using System.Text.Json;

namespace Pipeline.Edge.Api.Voice;

/// <summary>A client frame on <c>/ws/voice</c>: <c>{"action": "connect" | "audio_stream" | "ping", "data": {...}}</c>.</summary>
public sealed record VoiceClientFrame(string? Action, JsonElement? Data);

/// <summary><c>connect</c>'s data (seed 003), plus <c>session_id</c> from <c>POST /api/v1/ai/voice-session</c> to join that session.</summary>
public sealed record VoiceConnectData(string? SessionType, long? ConceptId, string? PreferredVoice, string? Language, string? SessionId);

/// <summary><c>audio_stream</c>'s data: a base64 chunk of one utterance; <c>is_final</c> on its last chunk.</summary>
public sealed record VoiceAudioData(string? Audio, long? ChunkId, bool IsFinal);

/// <summary>A server frame: <c>{"type": ..., "data": {...}}</c>.</summary>
public sealed record VoiceServerFrame(string Type, object Data);

public sealed record ConnectionEstablished(string SessionId, string Status, bool VoiceEnabled, IReadOnlyList<string> Features, string ChatId,
    VoiceLimitsInfo Limits);

public sealed record VoiceLimitsInfo(long MaxUtteranceBytes, int MaxUtteranceSeconds, IReadOnlyList<string> Formats);

public sealed record TranscriptionFrame(string Text, double Confidence, bool IsFinal, double Duration, string Language);

public sealed record VoiceResponseFrame(string Text, string AudioUrl, double Duration, IReadOnlyList<VisualAid> VisualAids, string ChatId);

public sealed record VisualAid(string Type, string Content, string Language, string Title);

/// <summary>An error on the socket, in seed 003's terms: its error code, the HTTP status it stands for, and what to do.</summary>
public sealed record VoiceErrorFrame(string Code, int Status, string Message, int? RetryAfter = null);
