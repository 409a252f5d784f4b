using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Audio;
using Pipeline.Domain.Voice;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Voice;

/// <summary>
/// OpenAI's audio endpoints through the OpenAI SDK (the same endpoint and key as the chat provider, <c>Ai:Endpoint</c>):
/// <c>/audio/transcriptions</c> with the file as uploaded (verbose, so each segment's log probability gives a
/// confidence) and <c>/audio/speech</c> answering WAV. Provider failures are the engine's, never the caller's.
/// </summary>
public sealed class OpenAiSpeechEngine(IOptions<AiOptions> ai, IOptions<SpeechOptions> speech) : ISpeechEngine
{
    private readonly Lazy<OpenAIClient> _client = new(() =>
    {
        var options = ai.Value;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint ?? "https://api.openai.com/v1"),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        };
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey), clientOptions);
    });

    public async Task<Transcript> TranscribeAsync(string original, AudioFormat format, AudioDecoder.Decoded decoded, string language,
        TempAudioFolder folder, CancellationToken ct)
    {
        var model = speech.Value.TranscriptionModel;
        AudioTranscription result;
        try
        {
            await using var audio = File.OpenRead(original);
            result = (await _client.Value.GetAudioClient(model).TranscribeAudioAsync(audio, $"audio.{format.Name}", new AudioTranscriptionOptions
            {
                Language = PrimaryLanguage(language),
                ResponseFormat = AudioTranscriptionFormat.Verbose,
            }, ct)).Value;
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new SpeechEngineException($"The OpenAI transcription endpoint failed: {e.Message}", e);
        }
        // exp(average log probability) per segment, weighted by the segment's length.
        var segments = result.Segments.Where(s => s.EndTime > s.StartTime).ToList();
        var confidence = segments.Count == 0
            ? 1.0
            : segments.Sum(s => Math.Exp(s.AverageLogProbability) * (s.EndTime - s.StartTime).TotalSeconds) / segments.Sum(s => (s.EndTime - s.StartTime).TotalSeconds);
        return new Transcript(result.Text.Trim(), Math.Round(Math.Clamp(confidence, 0, 1), 2), language, $"openai:{model}");
    }

    public async Task<SpokenAudio> SpeakAsync(string text, string? voice, string language, TempAudioFolder folder, CancellationToken ct)
    {
        var settings = speech.Value;
        BinaryData audio;
        try
        {
            audio = (await _client.Value.GetAudioClient(settings.SpeechModel).GenerateSpeechAsync(text,
                new GeneratedSpeechVoice(string.IsNullOrWhiteSpace(voice) ? settings.DefaultVoice : voice),
                new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav }, ct)).Value;
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new SpeechEngineException($"The OpenAI speech endpoint failed: {e.Message}", e);
        }
        var path = folder.File("spoken.wav");
        await File.WriteAllBytesAsync(path, audio.ToArray(), ct);
        return new SpokenAudio(path, AudioFormat.Wav, $"openai:{settings.SpeechModel}");
    }

    /// <summary>OpenAI takes ISO 639-1 ("en"), not a BCP 47 tag ("en-US").</summary>
    private static string PrimaryLanguage(string language) => language.Split('-', '_')[0].ToLowerInvariant();
}
