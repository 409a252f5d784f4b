using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Voice;

/// <summary>A real WebSocket client on <c>/ws/voice</c>: sends seed 003's action frames, collects the server's typed frames.</summary>
public sealed class VoiceSocketClient : JsonSocketClient
{
    public static async Task<VoiceSocketClient> ConnectAsync(Uri baseAddress, string? token)
    {
        var client = new VoiceSocketClient();
        await client.OpenAsync(baseAddress, "/ws/voice", token, tokenInHeader: false);
        return client;
    }

    public Task SendAsync(string action, object data) => SendAsync(new { action, data });

    /// <summary>The audio as <c>audio_stream</c> chunks of <paramref name="chunkBytes"/>, <c>is_final</c> on the last.</summary>
    public async Task StreamAsync(byte[] audio, int chunkBytes)
    {
        var chunks = audio.Chunk(chunkBytes).ToList();
        for (var i = 0; i < chunks.Count; i++)
            await SendAsync("audio_stream", new { audio = Convert.ToBase64String(chunks[i]), chunk_id = i + 1, is_final = i == chunks.Count - 1 });
    }

    /// <summary>The data of the next frame of <paramref name="type"/> (others are skipped: an error frame fails at once).</summary>
    public async Task<JsonElement> NextAsync(string type, TimeSpan timeout)
    {
        var frame = await NextAsync(f => f.GetProperty("type").GetString() is var got && (got == type || got == "error"), timeout, type);
        if (frame.GetProperty("type").GetString() != type) throw new InvalidOperationException($"Expected a {type} frame, got an error: {frame}");
        return frame.GetProperty("data");
    }
}
