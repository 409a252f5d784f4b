using FastEndpoints;

namespace Pipeline.Edge.Api.Chats;

public sealed class SessionIdRequest
{
    [BindFrom("session_id")] public long SessionId { get; init; }
}
