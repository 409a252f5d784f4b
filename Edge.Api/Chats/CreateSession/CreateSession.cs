using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.Chats;

/// <summary>Seed 001 <c>POST /api/chat/sessions</c>: Creates a planning session for a track (201).</summary>
public sealed class CreateSession(TrackStore tracks, ConversationStore conversations) : Endpoint<CreateSessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Post("/api/chat/sessions");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "Creates a planning session for a track (201).");
    }

    public override async Task HandleAsync(CreateSessionRequest request, CancellationToken ct)
    {
        var track = await tracks.GetOwnedTrackAsync(request.TrackId!.Value, User, ct);
        var session = await conversations.CreateAsync(new NewConversation(ConversationKinds.Planning, User.UserId(),
            string.IsNullOrWhiteSpace(request.Title) ? $"Planning: {track.Title}" : request.Title.Trim(), CourseId: track.Id), ct);
        await Send.ResponseAsync(SessionResponse.From(session), StatusCodes.Status201Created, ct);
    }
}
