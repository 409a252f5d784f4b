namespace Pipeline.Edge.Api.Voice;

/// <summary><c>audio_stream</c>'s data: a base64 chunk of one utterance; <c>is_final</c> on its last chunk.</summary>
public sealed record VoiceAudioData(string? Audio, long? ChunkId, bool IsFinal);
