using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Tests.Fakes;

/// <summary>
/// OpenAI's audio endpoints: <c>POST /v1/audio/transcriptions</c> (multipart; answers <see cref="TranscriptText"/> as
/// verbose JSON with one segment whose average log probability is <see cref="TranscriptAvgLogProb"/>) and
/// <c>POST /v1/audio/speech</c> (answers a one-second 16 kHz mono WAV tone).
/// </summary>
public sealed partial class FakeOpenAiServer
{
    private readonly ConcurrentQueue<FakeAudioRequest> _audioRequests = new();

    public string TranscriptText { get; set; } = "Can you explain recursion with an example?";

    public double TranscriptAvgLogProb { get; set; } = -0.05;

    public IReadOnlyList<FakeAudioRequest> AudioRequests => _audioRequests.ToList();

    private void MapAudio(WebApplication app)
    {
        app.MapPost("/v1/audio/transcriptions", TranscribeAsync);
        app.MapPost("/v1/audio/speech", SpeakAsync);
    }

    private async Task TranscribeAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var file = form.Files["file"];
        using var bytes = new MemoryStream();
        if (file is not null) await file.CopyToAsync(bytes);
        _audioRequests.Enqueue(new FakeAudioRequest("transcriptions", form["model"], form["language"], form["response_format"], file?.FileName,
            bytes.ToArray(), null, null));
        await http.Response.WriteAsJsonAsync(new
        {
            task = "transcribe",
            language = "english",
            duration = 2.4,
            text = TranscriptText,
            segments = new[]
            {
                new
                {
                    id = 0, seek = 0, start = 0.0, end = 2.4, text = TranscriptText, tokens = new[] { 1, 2, 3 }, temperature = 0.0,
                    avg_logprob = TranscriptAvgLogProb, compression_ratio = 1.0, no_speech_prob = 0.01,
                },
            },
        });
    }

    private async Task SpeakAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var root = body.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
        _audioRequests.Enqueue(new FakeAudioRequest("speech", Text("model"), null, Text("response_format"), null, [], Text("input"), Text("voice")));
        http.Response.ContentType = "audio/wav";
        await http.Response.Body.WriteAsync(ToneWav(seconds: 1));
    }

    private static byte[] ToneWav(int seconds)
    {
        const int rate = 16_000;
        var samples = rate * seconds;
        using var wav = new MemoryStream();
        using var writer = new BinaryWriter(wav);
        writer.Write("RIFF"u8); writer.Write(36 + samples * 2); writer.Write("WAVE"u8);
        writer.Write("fmt "u8); writer.Write(16); writer.Write((short)1); writer.Write((short)1); writer.Write(rate); writer.Write(rate * 2);
        writer.Write((short)2); writer.Write((short)16);
        writer.Write("data"u8); writer.Write(samples * 2);
        for (var i = 0; i < samples; i++) writer.Write((short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        writer.Flush();
        return wav.ToArray();
    }
}
