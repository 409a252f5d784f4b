using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.Chats;

/// <summary>Seed 001 <c>GET /api/chat/sessions</c>: The caller's planning sessions, newest first.</summary>
public sealed class ListSessions(ConversationStore conversations) : Endpoint<ListTracksRequest, IReadOnlyList<SessionResponse>>
{
    public override void Configure()
    {
        Get("/api/chat/sessions");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "The caller's planning sessions, newest first.");
    }

    public override async Task HandleAsync(ListTracksRequest request, CancellationToken ct)
    {
        var sessions = await conversations.ListAsync(User.UserId(), ConversationKinds.Planning, null, true, null, null, request.Skip, request.Limit, ct);
        await Send.OkAsync(sessions.Select(SessionResponse.From).ToList(), ct);
    }
}
