using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

/// <summary>A real WebSocket client on <c>/api/v1/realtime/ws</c> that collects the frames it receives.</summary>
public sealed class RealtimeClient : JsonSocketClient
{
    // Hides JsonSocketClient.ConnectAsync(baseAddress, path, token, tokenInHeader): the path is fixed, the third argument is last_event_id.
    public static new async Task<RealtimeClient> ConnectAsync(Uri baseAddress, string? token, string? lastEventId = null, bool tokenInHeader = false)
    {
        var client = new RealtimeClient();
        await client.OpenAsync(baseAddress, "/api/v1/realtime/ws", token, tokenInHeader,
            lastEventId is null ? [] : [$"last_event_id={Uri.EscapeDataString(lastEventId)}"]);
        return client;
    }
}
