namespace Pipeline.Messages.Voice;

/// <summary>The spoken answer is stored as <c>voice_audio</c> row <paramref name="AudioId"/> (format wav or mp3).</summary>
public sealed record SpeechSynthesized(long AudioId, string Format, double DurationSeconds, string Engine);
