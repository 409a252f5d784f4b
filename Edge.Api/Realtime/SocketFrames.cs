using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Realtime;

/// <summary>
/// Text frames of JSON over one WebSocket: frames are sent by one writer loop in the order they were queued (a socket
/// allows one send at a time, while replies arrive from Redis on other threads), and received whole up to a size limit.
/// </summary>
public sealed class SocketFrames(WebSocket socket, int maxFrameBytes = 64 * 1024) : IAsyncDisposable
{
    private readonly Channel<string> _outbound = Channel.CreateBounded<string>(new BoundedChannelOptions(4096)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropOldest,
    });
    private Task? _writer;

    public void Start(CancellationToken cancellationToken) => _writer = WriteLoopAsync(cancellationToken);

    /// <summary>Queues an object as a snake_case JSON text frame.</summary>
    public void Send(object frame) => _outbound.Writer.TryWrite(JsonSerializer.Serialize(frame, frame.GetType(), ApiJson.Options));

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var text in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                if (socket.State != WebSocketState.Open) break;
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket closed under us; the read loop notices too.
        }
    }

    /// <summary>The next text frame; null when the client closed (or the frame was too large: then the socket is closed 1009).</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                message.Write(buffer, 0, result.Count);
                if (message.Length > maxFrameBytes)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Frames are limited to {maxFrameBytes} bytes.", cancellationToken);
                    return null;
                }
                if (result.EndOfMessage)
                    return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) : "";
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbound.Writer.TryComplete();
        if (_writer is not null) await _writer;
    }
}
