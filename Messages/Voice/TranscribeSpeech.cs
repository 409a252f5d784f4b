namespace Pipeline.Messages.Voice;

/// <summary>
/// Transcribe the stored upload <paramref name="AudioId"/> (a <c>voice_audio</c> row of kind upload, owned by
/// <paramref name="UserId"/>, in container <paramref name="Format"/>: wav, mp3, m4a, webm or ogg). Audio longer than
/// <paramref name="MaxSeconds"/> is refused. Request/response: answered with <see cref="SpeechTranscribed"/> or
/// <see cref="SpeechRejected"/>. <paramref name="Language"/> is a BCP 47 hint such as en-US.
/// </summary>
public sealed record TranscribeSpeech(long AudioId, long UserId, string Format, string Language, int MaxSeconds);
