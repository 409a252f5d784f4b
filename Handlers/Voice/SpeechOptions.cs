using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Voice;

/// <summary>How Handlers hears and speaks (section <c>Speech</c>): OpenAI's audio endpoints or the offline engines.</summary>
public sealed class SpeechOptions
{
    public const string Section = "Speech";

    /// <summary><c>offline</c> or <c>openai</c>. Unset: the chat provider's choice (<c>Ai:Provider</c> / <c>Ai:Endpoint</c>),
    /// so an OpenAI endpoint serves speech too; set <c>offline</c> for a chat endpoint without audio (Ollama).</summary>
    public string? Provider { get; set; }

    /// <summary>OpenAI transcription model (verbose answers with segments, so a confidence can be given).</summary>
    [Required] public string TranscriptionModel { get; set; } = "whisper-1";

    [Required] public string SpeechModel { get; set; } = "tts-1";

    /// <summary>OpenAI voice when the client names none (seed 003's <c>preferred_voice</c>).</summary>
    [Required] public string DefaultVoice { get; set; } = "alloy";

    /// <summary>The en-US acoustic model, language model and dictionary of Debian's pocketsphinx-en-us.</summary>
    [Required] public string PocketsphinxModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>espeak-ng voice for offline answers.</summary>
    [Required] public string OfflineVoice { get; set; } = "en-us";

    [Range(80, 450)] public int OfflineWordsPerMinute { get; set; } = 165;

    /// <summary>Each ffmpeg, pocketsphinx or espeak-ng run is killed after this long.</summary>
    [Range(1, 3600)] public int ProcessTimeoutSeconds { get; set; } = 120;

    /// <summary>Longest answer spoken; a longer one is cut at a sentence end (the full text is still sent as text).</summary>
    [Range(50, 4096)] public int MaxSpokenCharacters { get; set; } = 1200;

    /// <summary>Spoken answers (their <c>audio_url</c>) are kept this long, then deleted when the user is answered again.</summary>
    [Range(1, 3650)] public int KeepAnswersDays { get; set; } = 7;

    /// <summary>Transcriptions and syntheses in flight at once in this process (each runs an engine process).</summary>
    [Range(1, 64)] public int MaxConcurrency { get; set; } = 2;
}
