using FastEndpoints;

namespace Pipeline.Edge.Api.Chats;

public sealed class ChatIdRequest
{
    [BindFrom("chat_id")] public long ChatId { get; init; }
}
