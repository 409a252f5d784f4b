using FastEndpoints;
using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.Chats;

/// <summary>Seed 001 <c>GET /api/chat/sessions/{session_id}/chats</c></summary>
public sealed class ListSessionChats(ConversationStore conversations) : Endpoint<SessionIdRequest, IReadOnlyList<ChatSummary>>
{
    public override void Configure()
    {
        Get("/api/chat/sessions/{session_id}/chats");
        Description(d => d.WithTags("Chat"));
    }

    public override async Task HandleAsync(SessionIdRequest request, CancellationToken ct)
    {
        var session = await conversations.GetOwnedSessionAsync(request.SessionId, User, ct);
        var chats = await conversations.ListAsync(session.OwnerId, ConversationKinds.Planning, session.Id, false, null, null, 0, 500, ct);
        await Send.OkAsync(chats.Select(ChatSummary.From).ToList(), ct);
    }
}
