using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Pipeline.Tests.Voice;

/// <summary>A real WebSocket client on <c>/ws/voice</c>: sends seed 003's action frames, collects the server's typed frames.</summary>
public sealed class VoiceSocketClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private Task _reading = Task.CompletedTask;

    public static async Task<VoiceSocketClient> ConnectAsync(Uri baseAddress, string? token)
    {
        var client = new VoiceSocketClient();
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/ws/voice", Query = token is null ? "" : $"token={Uri.EscapeDataString(token)}" }.Uri;
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._reading = client.ReadAsync();
        return client;
    }

    public Task SendAsync(string action, object data) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { action, data }), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The audio as <c>audio_stream</c> chunks of <paramref name="chunkBytes"/>, <c>is_final</c> on the last.</summary>
    public async Task StreamAsync(byte[] audio, int chunkBytes)
    {
        var chunks = audio.Chunk(chunkBytes).ToList();
        for (var i = 0; i < chunks.Count; i++)
            await SendAsync("audio_stream", new { audio = Convert.ToBase64String(chunks[i]), chunk_id = i + 1, is_final = i == chunks.Count - 1 });
    }

    /// <summary>The next frame of <paramref name="type"/> (others are kept out of the way: an error frame fails at once).</summary>
    public async Task<JsonElement> NextAsync(string type, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(deadline.Token);
                var got = frame.GetProperty("type").GetString();
                if (got == type) return frame.GetProperty("data");
                if (got == "error") throw new InvalidOperationException($"Expected a {type} frame, got an error: {frame}");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"No {type} frame within {timeout.TotalSeconds:0} s (socket {_socket.State}, close {_socket.CloseStatus}).");
        }
    }

    /// <summary>The next frame, whatever its type.</summary>
    public async Task<JsonElement> NextFrameAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await _frames.Reader.ReadAsync(deadline.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"No frame within {timeout.TotalSeconds:0} s (socket {_socket.State}, close {_socket.CloseStatus}).");
        }
    }

    public async Task<WebSocketCloseStatus?> ClosedAsync(TimeSpan timeout)
    {
        await _reading.WaitAsync(timeout);
        return _socket.CloseStatus;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close) break;
                _frames.Writer.TryWrite(JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone());
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }
        await Task.WhenAny(_reading, Task.Delay(2000));
        _socket.Dispose();
    }
}
