namespace Pipeline.Domain.Conversations.ChatFrames;

/// <summary>
/// A server → client frame of the chat protocol (docs/websocket.md), sent on <c>/ws/chat</c> and, addressed by
/// <c>chat_id</c>, on the user's realtime feed (<c>/api/v1/realtime/ws</c>).
/// </summary>
public interface IChatFrame
{
    string Type { get; }
}
