using MassTransit;
using Pipeline.Domain.Voice;
using Pipeline.Messages.Voice;

namespace Pipeline.Handlers.Voice;

/// <summary>
/// Hears one stored upload: decodes and measures it with ffmpeg (refusing unreadable or too long audio), then the
/// configured engine transcribes it. Answers the requester; the upload itself is deleted by the edge once answered.
/// </summary>
public sealed class TranscribeSpeechConsumer(VoiceAudioStore store, AudioDecoder decoder, ISpeechEngine engine, ILogger<TranscribeSpeechConsumer> logger)
    : IConsumer<TranscribeSpeech>
{
    public async Task Consume(ConsumeContext<TranscribeSpeech> context)
    {
        var command = context.Message;
        var ct = context.CancellationToken;
        var stored = await store.FindOwnedAsync(command.AudioId, command.UserId, VoiceAudioKinds.Upload, ct);
        var format = AudioFormat.ByName(command.Format);
        if (stored is null || format is null)
        {
            await context.RespondAsync(new SpeechRejected(SpeechRejected.Failed, "The audio to transcribe is no longer stored."));
            return;
        }
        using var folder = new TempAudioFolder();
        var original = folder.File($"input.{format.Name}");
        await File.WriteAllBytesAsync(original, stored.Audio, ct);
        try
        {
            var decoded = await decoder.NormaliseAsync(original, format, command.MaxSeconds, folder, ct);
            var transcript = await engine.TranscribeAsync(original, format, decoded, command.Language, folder, ct);
            await context.RespondAsync(new SpeechTranscribed(command.AudioId, transcript.Text, transcript.Confidence, decoded.DurationSeconds,
                transcript.Language, transcript.Engine));
        }
        catch (UnusableAudioException e)
        {
            await context.RespondAsync(new SpeechRejected(e.Kind, e.Message));
        }
        catch (SpeechEngineException e)
        {
            logger.LogWarning(e, "Transcribing audio {AudioId} failed", command.AudioId);
            await context.RespondAsync(new SpeechRejected(SpeechRejected.Failed, e.Message));
        }
    }
}
