using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// A real WebSocket client for the JSON sockets (<c>/ws/chat</c>, <c>/ws/voice</c>, <c>/api/v1/realtime/ws</c>): JSON frames
/// out; every frame that arrives is read in the background and queued, for the test to take with a deadline.
/// </summary>
public class JsonSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan SendWithin = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private Task _reading = Task.CompletedTask;

    public WebSocket Socket => _socket;

    /// <summary>Connects to <paramref name="path"/> with the token in the query (<c>token=</c>) or the Authorization header.</summary>
    public static async Task<JsonSocketClient> ConnectAsync(Uri baseAddress, string path, string? token, bool tokenInHeader = false)
    {
        var client = new JsonSocketClient();
        await client.OpenAsync(baseAddress, path, token, tokenInHeader);
        return client;
    }

    /// <summary>Connects, then reads in the background; <paramref name="query"/> adds <c>name=value</c> pairs after the token.</summary>
    protected async Task OpenAsync(Uri baseAddress, string path, string? token, bool tokenInHeader, params IEnumerable<string> query)
    {
        var parameters = new List<string>();
        if (token is not null && !tokenInHeader) parameters.Add($"token={Uri.EscapeDataString(token)}");
        if (token is not null && tokenInHeader) _socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        parameters.AddRange(query);
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = path, Query = string.Join('&', parameters) }.Uri;
        using var timeout = new CancellationTokenSource(SendWithin);
        await _socket.ConnectAsync(uri, timeout.Token);
        _reading = ReadAsync();
    }

    /// <summary>The frame as JSON.</summary>
    public Task SendAsync(object frame) => SendTextAsync(JsonSerializer.Serialize(frame));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(SendWithin);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
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

    /// <summary>The next frame, whatever its type (a timeout when none comes or the socket closes).</summary>
    public Task<JsonElement> NextFrameAsync(TimeSpan timeout) => NextAsync(_ => true, timeout, "further");

    /// <summary>The next frame; null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? within = null)
    {
        var timeout = within ?? TimeSpan.FromSeconds(20);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await _frames.Reader.ReadAsync(deadline.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No frame within {timeout.TotalSeconds:0} s (socket {_socket.State}).");
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
                _frames.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
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
        GC.SuppressFinalize(this);
    }
}
