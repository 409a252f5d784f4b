using System.Globalization;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Voice;
using Pipeline.Messages.Voice;

namespace Pipeline.Handlers.Voice;

/// <summary>
/// Decodes any accepted container with ffmpeg into the one form the offline recogniser reads, 16 kHz mono 16-bit PCM
/// WAV, and measures it. ffmpeg may only use the container's own demuxer and read local files, so a file claiming to be
/// one thing cannot make it open another format or a URL. Undecodable or empty audio is refused as unreadable, audio
/// longer than allowed as too long (decoding stops just past the limit).
/// </summary>
public sealed class AudioDecoder(IOptions<SpeechOptions> options)
{
    public const int SampleRate = 16_000;

    public sealed record Decoded(string WavPath, double DurationSeconds);

    public async Task<Decoded> NormaliseAsync(string inputPath, AudioFormat format, int maxSeconds, TempAudioFolder folder, CancellationToken ct)
    {
        var output = folder.File("normalised.wav");
        var result = await SpeechProcess.RunAsync("ffmpeg",
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-protocol_whitelist", "file",
            "-f", format.Demuxer, "-i", inputPath,
            "-t", (maxSeconds + 1).ToString(CultureInfo.InvariantCulture),
            "-vn", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
            "-ar", SampleRate.ToString(CultureInfo.InvariantCulture), "-ac", "1", "-c:a", "pcm_s16le", "-f", "wav", "-y", output,
        ], TimeSpan.FromSeconds(options.Value.ProcessTimeoutSeconds), ct);
        if (result.ExitCode != 0 || !File.Exists(output))
            throw new UnusableAudioException(SpeechRejected.Unreadable,
                $"The audio could not be decoded as {format.Name}: the file is corrupt or not {format.Name} audio.");
        var duration = WavAudio.DurationSeconds(await File.ReadAllBytesAsync(output, ct)) ?? 0;
        if (duration < 0.05)
            throw new UnusableAudioException(SpeechRejected.Unreadable, "The file contains no audio.");
        if (duration > maxSeconds + 0.05)
            throw new UnusableAudioException(SpeechRejected.TooLong, $"The audio is longer than the {maxSeconds} s allowed per request.");
        return new Decoded(output, Math.Round(duration, 2));
    }
}
