using Pipeline.Domain.Voice;
using Pipeline.Edge.Api.Voice;
using Pipeline.Handlers.Voice;

namespace Pipeline.Tests.Fast.Voice;

/// <summary>The pure parts of voice tutoring: recognising containers, reading pocketsphinx and WAV headers, what is spoken.</summary>
public sealed class Reading_speech_and_audio
{
    [Theory]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'A', (byte)'V', (byte)'E' }, "wav")]
    [InlineData(new byte[] { (byte)'I', (byte)'D', (byte)'3', 3, 0, 0, 0, 0, 0, 10, 0, 0 }, "mp3")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0 }, "mp3")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'M', (byte)'4', (byte)'A', (byte)' ' }, "m4a")]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0, 0, 0, 0, 0 }, null)]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', 0, 0, 0, 0, 0, 0, 0, 0 }, null)]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F' }, null)]
    public void An_upload_is_recognised_by_its_first_bytes_and_only_wav_mp3_m4a_are_uploads(byte[] start, string? expected) =>
        Assert.Equal(expected, AudioFormat.Detect(start, AudioFormat.UploadFormats)?.Name);

    [Fact]
    public void A_browser_recording_is_accepted_on_the_socket()
    {
        Assert.Equal("webm", AudioFormat.Detect(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0, 0, 0, 0, 0 }, AudioFormat.StreamFormats)?.Name);
        Assert.Equal("ogg", AudioFormat.Detect("OggS\0\0\0\0\0\0\0\0"u8, AudioFormat.StreamFormats)?.Name);
    }

    [Fact]
    public void Pocketsphinx_word_times_give_the_words_without_fillers_and_their_mean_posterior()
    {
        const string output = """
            <s> 0.000 0.020 0.999400
            i 0.030 0.110 0.900000
            <sil> 0.400 0.570 0.999400
            to(3) 0.580 0.670 0.500000
            [NOISE] 0.680 0.700 0.100000
            solar 1.490 1.900 1.000000
            </s> 2.470 2.900 1.000000
            """;
        var (text, confidence) = OfflineSpeechEngine.ParseWordTimes(output);
        Assert.Equal("i to solar", text);
        Assert.Equal(0.8, confidence);
        Assert.Equal(("", 0.0), OfflineSpeechEngine.ParseWordTimes(""));
    }

    [Fact]
    public void A_wav_header_gives_the_duration_even_when_a_stream_left_its_size_unset()
    {
        var wav = Wav(sampleRate: 16_000, samples: 8_000, dataSize: 16_000);
        Assert.Equal(0.5, WavAudio.DurationSeconds(wav));
        Assert.Equal(0.5, WavAudio.DurationSeconds(Wav(16_000, 8_000, dataSize: uint.MaxValue)));
        Assert.Null(WavAudio.DurationSeconds("not a wav file at all"u8));
    }

    [Fact]
    public void Code_and_markdown_are_not_read_out_and_a_long_answer_ends_at_a_sentence()
    {
        var spoken = SpokenText.From("**Recursion** is a [function](https://x.test) calling itself.\n```python\ndef f(): return f()\n```\nTry it.", 200);
        Assert.Equal("Recursion is a function calling itself. (see the code example) Try it.", spoken);
        Assert.Equal("One sentence here. Two sentences here.", SpokenText.From("One sentence here. Two sentences here. Three sentences here.", 45));
    }

    [Theory]
    [InlineData("response-42.wav", 42L)]
    [InlineData("response-42", 42L)]
    [InlineData("42", 42L)]
    [InlineData("response-x.wav", null)]
    [InlineData("response--1.wav", null)]
    [InlineData("../etc/passwd", null)]
    public void An_audio_id_names_one_row(string audioId, long? expected) => Assert.Equal(expected, VoiceAudioUrl.Parse(audioId));

    private static byte[] Wav(int sampleRate, int samples, uint dataSize)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8); writer.Write(36 + samples * 2); writer.Write("WAVE"u8);
        writer.Write("fmt "u8); writer.Write(16); writer.Write((short)1); writer.Write((short)1); writer.Write(sampleRate); writer.Write(sampleRate * 2);
        writer.Write((short)2); writer.Write((short)16);
        writer.Write("data"u8); writer.Write(dataSize);
        writer.Write(new byte[samples * 2]);
        writer.Flush();
        return stream.ToArray();
    }
}
