using System.Buffers.Binary;

namespace Pipeline.Handlers.Voice;

/// <summary>Reads a RIFF/WAVE header: the length of its PCM data in seconds.</summary>
public static class WavAudio
{
    /// <summary>Seconds of audio, or null when the bytes are not a PCM WAV file with a <c>fmt </c> and a <c>data</c> chunk.</summary>
    public static double? DurationSeconds(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8)) return null;
        var byteRate = 0u;
        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && body + 12 <= wav.Length) byteRate = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(body + 8, 4));
            if (id.SequenceEqual("data"u8))
            {
                if (byteRate == 0) return null;
                // A streamed WAV may leave the size unset (0 or all ones): the data runs to the end of the file.
                long length = size == 0 || size == uint.MaxValue || body + (long)size > wav.Length ? wav.Length - body : size;
                return (double)length / byteRate;
            }
            offset = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }
        return null;
    }
}
