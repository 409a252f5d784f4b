namespace Pipeline.Domain.Voice;

/// <summary>
/// The audio containers voice tutoring accepts, recognised by their first bytes (never by a client's file name alone):
/// seed 003's wav, mp3 and m4a, and the WebM/Ogg (Opus) a browser's MediaRecorder produces on <c>/ws/voice</c>.
/// <see cref="Demuxer"/> is the one ffmpeg input format the decoder is allowed to use for it.
/// </summary>
public sealed record AudioFormat(string Name, string ContentType, string Demuxer)
{
    public static readonly AudioFormat Wav = new("wav", "audio/wav", "wav");
    public static readonly AudioFormat Mp3 = new("mp3", "audio/mpeg", "mp3");
    public static readonly AudioFormat M4a = new("m4a", "audio/mp4", "mov");
    public static readonly AudioFormat WebM = new("webm", "audio/webm", "matroska");
    public static readonly AudioFormat Ogg = new("ogg", "audio/ogg", "ogg");

    /// <summary>Seed 003's upload formats (<c>POST /voice/transcribe</c>).</summary>
    public static readonly IReadOnlyList<AudioFormat> UploadFormats = [Wav, Mp3, M4a];

    /// <summary>What <c>/ws/voice</c> accepts: the upload formats and browser recordings.</summary>
    public static readonly IReadOnlyList<AudioFormat> StreamFormats = [Wav, Mp3, M4a, WebM, Ogg];

    public static AudioFormat? ByName(string? name) => StreamFormats.FirstOrDefault(f => f.Name == name);

    /// <summary>The container the bytes start with, or null when they are none of <paramref name="allowed"/>.</summary>
    public static AudioFormat? Detect(ReadOnlySpan<byte> audio, IReadOnlyList<AudioFormat> allowed)
    {
        var found = Sniff(audio);
        return found is not null && allowed.Contains(found) ? found : null;
    }

    private static AudioFormat? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length < 12) return null;
        if (b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WAVE"u8)) return Wav;
        if (b[4..8].SequenceEqual("ftyp"u8)) return M4a;
        if (b[..4].SequenceEqual(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 })) return WebM;
        if (b[..4].SequenceEqual("OggS"u8)) return Ogg;
        if (b[..3].SequenceEqual("ID3"u8)) return Mp3;
        // An MPEG audio frame header: 11 sync bits, layer III.
        if (b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) == 0x02) return Mp3;
        return null;
    }
}
