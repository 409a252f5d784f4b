using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Pipeline.Domain.Conversations.ChatFrames;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Realtime;

/// <summary>
/// Text frames of JSON over one WebSocket: frames are sent by one writer loop in the order they were queued (a socket
/// allows one send at a time, while replies arrive from Redis on other threads), and received whole up to a size limit.
/// A frame still waiting absorbs the next one when they merge (<see cref="IMergeableFrame"/>: a reply's tokens), so a
/// client slower than the model gets the same text in fewer, larger frames; beyond <see cref="MaxQueuedFrames"/>
/// waiting frames the oldest is dropped (the stored message stays the truth).
/// </summary>
public sealed class SocketFrames(WebSocket socket, int maxFrameBytes = 64 * 1024) : IAsyncDisposable
{
    public const int MaxQueuedFrames = 4096;

    private readonly Lock _gate = new();
    private readonly LinkedList<object> _queued = new();
    private readonly SemaphoreSlim _ready = new(0);
    private bool _completed;
    private Task? _writer;

    public void Start(CancellationToken cancellationToken) => _writer = WriteLoopAsync(cancellationToken);

    /// <summary>Queues an object to be sent as a snake_case JSON text frame.</summary>
    public void Send(object frame)
    {
        lock (_gate)
        {
            if (_completed) return;
            if (_queued.Last is { Value: IMergeableFrame waiting } last && waiting.MergeWith(frame) is { } merged)
            {
                last.Value = merged;
                return;
            }
            if (_queued.Count >= MaxQueuedFrames) _queued.RemoveFirst();
            _queued.AddLast(frame);
        }
        _ready.Release();
    }

    private bool TryTake(out object? frame, out bool completed)
    {
        lock (_gate)
        {
            completed = _completed && _queued.Count == 0;
            frame = _queued.First?.Value;
            if (frame is not null) _queued.RemoveFirst();
            return frame is not null;
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _ready.WaitAsync(cancellationToken);
                // A merged or dropped frame left a release without a frame: the queue may be empty.
                if (!TryTake(out var frame, out var completed))
                {
                    if (completed) break;
                    continue;
                }
                if (socket.State != WebSocketState.Open) break;
                var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, frame!.GetType(), ApiJson.Options);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
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

    /// <summary>Sends what is still queued, then ends the writer loop.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate) _completed = true;
        _ready.Release();
        // The semaphore is not disposed: a Redis callback may still be about to release it (it needs no disposal).
        if (_writer is not null) await _writer;
    }
}
