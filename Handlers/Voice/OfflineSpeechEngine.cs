using System.Globalization;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Voice;

namespace Pipeline.Handlers.Voice;

/// <summary>
/// Speech without a network: Debian's pocketsphinx (CMU Sphinx, the en-US model of pocketsphinx-en-us) hears,
/// espeak-ng speaks. English only: the language reported is the model's, en-US. The confidence is the mean of the
/// recogniser's per-word posterior probabilities.
/// </summary>
public sealed class OfflineSpeechEngine(IOptions<SpeechOptions> options) : ISpeechEngine
{
    public const string RecogniserName = "offline:pocketsphinx";
    public const string SynthesiserName = "offline:espeak-ng";

    public async Task<Transcript> TranscribeAsync(string original, AudioFormat format, AudioDecoder.Decoded decoded, string language,
        TempAudioFolder folder, CancellationToken ct)
    {
        var settings = options.Value;
        var model = settings.PocketsphinxModelDirectory;
        var result = await SpeechProcess.RunAsync("pocketsphinx_continuous",
        [
            "-infile", decoded.WavPath,
            "-hmm", Path.Combine(model, "en-us"),
            "-lm", Path.Combine(model, "en-us.lm.bin"),
            "-dict", Path.Combine(model, "cmudict-en-us.dict"),
            "-samprate", AudioDecoder.SampleRate.ToString(CultureInfo.InvariantCulture),
            "-time", "yes",
            "-logfn", "/dev/null",
        ], TimeSpan.FromSeconds(settings.ProcessTimeoutSeconds), ct);
        if (result.ExitCode != 0)
            throw new SpeechEngineException($"pocketsphinx failed (exit {result.ExitCode}): {Shorten(result.StandardError)}");
        var (text, confidence) = ParseWordTimes(result.StandardOutput);
        return new Transcript(text, confidence, "en-US", RecogniserName);
    }

    /// <summary>
    /// pocketsphinx's <c>-time yes</c> output: one line per word, "word start end posterior". Silences, sentence marks and
    /// noise fillers are left out; "to(3)" is the third pronunciation of "to".
    /// </summary>
    public static (string Text, double Confidence) ParseWordTimes(string output)
    {
        var words = new List<string>();
        var posteriors = new List<double>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4 || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var posterior)) continue;
            var word = parts[0];
            if (word.StartsWith('<') || word.StartsWith('[') || word.StartsWith("++", StringComparison.Ordinal)) continue;
            var alternative = word.IndexOf('(');
            if (alternative > 0) word = word[..alternative];
            words.Add(word);
            posteriors.Add(Math.Clamp(posterior, 0, 1));
        }
        return (string.Join(' ', words), posteriors.Count == 0 ? 0 : Math.Round(posteriors.Average(), 2));
    }

    public async Task<SpokenAudio> SpeakAsync(string text, string? voice, string language, TempAudioFolder folder, CancellationToken ct)
    {
        var settings = options.Value;
        var output = folder.File("spoken.wav");
        // The text goes in on stdin: nothing in it can be read as an option.
        var result = await SpeechProcess.RunAsync("espeak-ng",
        [
            "-v", settings.OfflineVoice, "-s", settings.OfflineWordsPerMinute.ToString(CultureInfo.InvariantCulture), "-w", output, "--stdin",
        ], TimeSpan.FromSeconds(settings.ProcessTimeoutSeconds), ct, standardInput: text);
        if (result.ExitCode != 0 || !File.Exists(output))
            throw new SpeechEngineException($"espeak-ng failed (exit {result.ExitCode}): {Shorten(result.StandardError)}");
        return new SpokenAudio(output, AudioFormat.Wav, SynthesiserName);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text.Trim() : text[..300].Trim() + "…";
}
