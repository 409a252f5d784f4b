using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Voice;
using Pipeline.Messages.Voice;

namespace Pipeline.Handlers.Voice;

/// <summary>Speaks a tutor's answer with the configured engine and stores it as the user's voice response (and forgets
/// their answers older than <see cref="SpeechOptions.KeepAnswersDays"/>).</summary>
public sealed class SynthesizeSpeechConsumer(VoiceAudioStore store, AudioDecoder decoder, ISpeechEngine engine, IOptions<SpeechOptions> options,
    TimeProvider clock, ILogger<SynthesizeSpeechConsumer> logger) : IConsumer<SynthesizeSpeech>
{
    public async Task Consume(ConsumeContext<SynthesizeSpeech> context)
    {
        var command = context.Message;
        var ct = context.CancellationToken;
        var text = SpokenText.From(command.Text, options.Value.MaxSpokenCharacters);
        if (text.Length == 0)
        {
            await context.RespondAsync(new SpeechRejected(SpeechRejected.Unreadable, "There is no text to speak."));
            return;
        }
        using var folder = new TempAudioFolder();
        try
        {
            var spoken = await engine.SpeakAsync(text, command.Voice, command.Language, folder, ct);
            var audio = await File.ReadAllBytesAsync(spoken.Path, ct);
            // A WAV header that does not say its length (a streamed answer) is measured by decoding it.
            var duration = WavAudio.DurationSeconds(audio) is { } seconds && spoken.Format == AudioFormat.Wav && audio.Length < 64 * 1024 * 1024
                ? seconds
                : (await decoder.NormaliseAsync(spoken.Path, spoken.Format, 3600, folder, ct)).DurationSeconds;
            var id = await store.AddAsync(command.UserId, VoiceAudioKinds.Response, spoken.Format, audio, Math.Round(duration, 2), ct);
            await context.RespondAsync(new SpeechSynthesized(id, spoken.Format.Name, Math.Round(duration, 2), spoken.Engine));
            var now = clock.GetUtcNow();
            await store.PruneAsync(command.UserId, now.AddDays(-options.Value.KeepAnswersDays), now.AddHours(-1), ct);
        }
        catch (Exception e) when (e is SpeechEngineException or UnusableAudioException)
        {
            logger.LogWarning(e, "Speaking an answer for user {UserId} failed", command.UserId);
            await context.RespondAsync(new SpeechRejected(SpeechRejected.Failed, e.Message));
        }
    }
}
