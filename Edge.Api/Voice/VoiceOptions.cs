using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Voice;

/// <summary>Voice tutoring limits and waits (section <c>Voice</c>); the daily minutes are <c>LearnTrac:RateLimits:Voice</c>.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";

    /// <summary>Largest audio file (<c>POST /voice/transcribe</c>) or streamed utterance (<c>/ws/voice</c>); beyond: 413.</summary>
    [Range(1024, 512L * 1024 * 1024)] public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest audio per request or utterance; beyond: 400.</summary>
    [Range(1, 3600)] public int MaxDurationSeconds { get; set; } = 120;

    /// <summary>How long the edge waits for Handlers to transcribe or speak (each); then 504.</summary>
    [Range(1, 3600)] public int WaitSeconds { get; set; } = 120;

    /// <summary>Largest single <c>/ws/voice</c> frame (an audio_stream chunk is base64, a third larger than its audio).</summary>
    [Range(4096, 64 * 1024 * 1024)] public int MaxFrameBytes { get; set; } = 1024 * 1024;
}
