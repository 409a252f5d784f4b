namespace Pipeline.Messages.Voice;

/// <summary>
/// Speak <paramref name="Text"/> for <paramref name="UserId"/> and store it as their <c>voice_audio</c> response.
/// <paramref name="Voice"/> is a preference (OpenAI's voice names such as alloy; the offline engine uses its own voice).
/// Request/response: answered with <see cref="SpeechSynthesized"/> or <see cref="SpeechRejected"/>.
/// </summary>
public sealed record SynthesizeSpeech(long UserId, string Text, string? Voice, string Language);
