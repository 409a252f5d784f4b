namespace Pipeline.Messages.Voice;

/// <summary>What was said in <paramref name="AudioId"/>: the text, the engine's confidence (0..1), the audio's length and
/// language, and which engine heard it (<c>openai:&lt;model&gt;</c> or <c>offline:pocketsphinx</c>).</summary>
public sealed record SpeechTranscribed(long AudioId, string Text, double Confidence, double DurationSeconds, string Language, string Engine);
