using FastEndpoints;
using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.Chats;

/// <summary>Seed 001 <c>PUT /api/chat/sessions/{session_id}/status</c>: Sets a session's status: active, paused, completed or archived (registered users only: guests get 403).</summary>
public sealed class SetSessionStatus(ConversationStore conversations) : Endpoint<StatusRequest, SessionResponse>
{
    public override void Configure()
    {
        Put("/api/chat/sessions/{session_id}/status");
        Policies(Auth.Policies.RegisteredUser);
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "Sets a session's status: active, paused, completed or archived (registered users only: guests get 403).");
    }

    public override async Task HandleAsync(StatusRequest request, CancellationToken ct)
    {
        var session = await conversations.GetOwnedSessionAsync(request.SessionId, User, ct);
        await conversations.SetStatusAsync(session.Id, request.Status!, ct);
        await Send.OkAsync(SessionResponse.From((await conversations.GetAsync(session.Id, ct))!), ct);
    }
}
