using Pipeline.Domain.Conversations.ChatFrames;

namespace Pipeline.Edge.Api.Chats;

public sealed record HistoryFrame(long ChatId, IReadOnlyList<SocketMessage> Messages)
{
    public string Type => "history";
}
