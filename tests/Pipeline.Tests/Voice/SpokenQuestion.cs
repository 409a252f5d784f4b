using System.Buffers.Binary;
using System.Diagnostics;

namespace Pipeline.Tests.Voice;

/// <summary>
/// Test audio made with the same Debian tools the offline engine uses: espeak-ng speaks a known sentence, ffmpeg
/// re-encodes it. The sentence and voice were chosen because pocketsphinx's en-US model hears them reliably (its
/// accuracy on synthetic voices is poor in general); the tests check the key words that survive every encoding.
/// </summary>
public static class SpokenQuestion
{
    public const string Sentence = "I want to learn about the solar system";
    public static readonly string[] KeyWords = ["solar", "system"];

    public static async Task<byte[]> WavAsync(string sentence = Sentence)
    {
        var folder = Directory.CreateTempSubdirectory("voice-test-");
        try
        {
            var path = Path.Combine(folder.FullName, "question.wav");
            await RunAsync("espeak-ng", ["-v", "en-us+klatt", "-s", "150", "-w", path, sentence]);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The WAV re-encoded by ffmpeg: "mp3" or "m4a" (AAC), or a <paramref name="seconds"/> long tone as "wav".</summary>
    public static async Task<byte[]> EncodeAsync(byte[] wav, string format)
    {
        var folder = Directory.CreateTempSubdirectory("voice-test-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.wav");
            var output = Path.Combine(folder.FullName, $"out.{format}");
            await File.WriteAllBytesAsync(input, wav);
            await RunAsync("ffmpeg", ["-nostdin", "-loglevel", "error", "-i", input, .. format == "m4a" ? new[] { "-c:a", "aac" } : [], "-y", output]);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A 16 kHz mono tone of <paramref name="seconds"/> as WAV.</summary>
    public static async Task<byte[]> ToneAsync(int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("voice-test-");
        try
        {
            var output = Path.Combine(folder.FullName, "tone.wav");
            await RunAsync("ffmpeg", ["-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}", "-ar", "16000", "-ac", "1", "-y", output]);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Seconds of PCM audio in a RIFF/WAVE file; throws when it is not one.</summary>
    public static double WavSeconds(byte[] wav)
    {
        if (wav.Length < 44 || wav.AsSpan(0, 4).SequenceEqual("RIFF"u8) is false || wav.AsSpan(8, 4).SequenceEqual("WAVE"u8) is false)
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        var byteRate = 0;
        for (var offset = 12; offset + 8 <= wav.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(offset + 4, 4));
            if (wav.AsSpan(offset, 4).SequenceEqual("fmt "u8)) byteRate = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(offset + 16, 4));
            if (wav.AsSpan(offset, 4).SequenceEqual("data"u8)) return (double)Math.Min(size, wav.Length - offset - 8) / byteRate;
            offset += 8 + size + (size & 1);
        }
        throw new InvalidDataException("No data chunk.");
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {await error}");
    }
}
