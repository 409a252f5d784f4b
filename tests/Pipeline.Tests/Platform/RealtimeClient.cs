using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Pipeline.Tests.Platform;

/// <summary>A real WebSocket client on <c>/api/v1/realtime/ws</c> that collects the frames it receives.</summary>
public sealed class RealtimeClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private Task _reading = Task.CompletedTask;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<RealtimeClient> ConnectAsync(Uri baseAddress, string? token, string? lastEventId = null, bool tokenInHeader = false)
    {
        var client = new RealtimeClient();
        var query = new List<string>();
        if (token is not null && !tokenInHeader) query.Add($"token={Uri.EscapeDataString(token)}");
        if (lastEventId is not null) query.Add($"last_event_id={Uri.EscapeDataString(lastEventId)}");
        if (tokenInHeader) client._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/api/v1/realtime/ws", Query = string.Join('&', query) }.Uri;
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._reading = client.ReadAsync();
        return client;
    }

    /// <summary>The next frame matching <paramref name="accept"/> (others are skipped), or a timeout.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> accept, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(deadline.Token);
                if (accept(frame)) return frame;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"No {what} frame within {timeout.TotalSeconds:0} s (socket {_socket.State}, close {_socket.CloseStatus}).");
        }
    }

    /// <summary>Every frame that arrives within <paramref name="window"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> CollectAsync(TimeSpan window)
    {
        var collected = new List<JsonElement>();
        using var until = new CancellationTokenSource(window);
        try
        {
            while (true) collected.Add(await _frames.Reader.ReadAsync(until.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
        }
        return collected;
    }

    /// <summary>Waits for the server to close the socket and returns its close status.</summary>
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
