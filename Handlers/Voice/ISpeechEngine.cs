using Pipeline.Domain.Voice;

namespace Pipeline.Handlers.Voice;

/// <summary>A speech-to-text and text-to-speech provider: OpenAI's audio endpoints or the offline Debian tools.</summary>
public interface ISpeechEngine
{
    /// <summary>What is said in the audio. <paramref name="original"/> is the file as uploaded (in
    /// <paramref name="format"/>), <paramref name="decoded"/> its 16 kHz mono WAV form.</summary>
    Task<Transcript> TranscribeAsync(string original, AudioFormat format, AudioDecoder.Decoded decoded, string language, TempAudioFolder folder,
        CancellationToken ct);

    /// <summary>The text spoken, as a file in the folder, in the format returned.</summary>
    Task<SpokenAudio> SpeakAsync(string text, string? voice, string language, TempAudioFolder folder, CancellationToken ct);
}
