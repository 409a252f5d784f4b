using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Pipeline.Tests.Tracks;

/// <summary>A real WebSocket client for /ws/chat: JSON frames out, JSON frames in (with a deadline).</summary>
public sealed class ChatSocketClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocket Socket => _socket;

    public static async Task<ChatSocketClient> ConnectAsync(Uri baseAddress, string path, string? token, bool tokenInHeader = false)
    {
        var client = new ChatSocketClient();
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = path };
        if (token is not null && !tokenInHeader) uri.Query = "token=" + Uri.EscapeDataString(token);
        if (token is not null && tokenInHeader) client._socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client._socket.ConnectAsync(uri.Uri, timeout.Token);
        return client;
    }

    public Task SendAsync(object frame) => SendTextAsync(JsonSerializer.Serialize(frame));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next frame; null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
        }
    }

    /// <summary>Frames until one of <paramref name="type"/> (included), in arrival order.</summary>
    public async Task<List<JsonElement>> ReceiveUntilAsync(string type, TimeSpan? within = null)
    {
        var frames = new List<JsonElement>();
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var frame = await ReceiveAsync(deadline - DateTime.UtcNow) ?? throw new InvalidOperationException(
                $"The socket closed before a '{type}' frame; got: {string.Join(", ", frames.Select(f => f.GetProperty("type").GetString()))}");
            frames.Add(frame);
            if (frame.GetProperty("type").GetString() == type) return frames;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        }
        _socket.Dispose();
    }
}
