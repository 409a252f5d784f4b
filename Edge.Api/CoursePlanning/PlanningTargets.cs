using System.Security.Claims;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>
/// The planning routes' one look-up of what a request is about (<see cref="PlanningTarget"/>), from whichever ids it
/// names, each checked for the caller's ownership: a chat implies its session, a session its track.
/// </summary>
public sealed class PlanningTargets(TrackStore tracks, ConversationStore conversations)
{
    public async Task<PlanningTarget> ResolveAsync(ClaimsPrincipal user, IPlanningRequest request, CancellationToken ct)
    {
        Conversation? chat = null, session = null;
        Track? track = null;
        if (request.ChatId is { } c)
        {
            chat = await conversations.GetOwnedChatAsync(c, user, ct);
            session = await conversations.GetOwnedSessionAsync(chat.ParentId!.Value, user, ct);
            if (request.SessionId is { } s && s != session.Id)
                throw ApiException.BadRequest("chat_id does not belong to session_id.");
        }
        else if (request.SessionId is { } s)
            session = await conversations.GetOwnedSessionAsync(s, user, ct);

        var impliedTrack = session?.CourseId;
        if (request.TrackId is { } t)
        {
            if (impliedTrack is { } implied && implied != t) throw ApiException.BadRequest("track_id does not match the session's track.");
            track = await tracks.GetOwnedTrackAsync(t, user, ct);
        }
        else if (impliedTrack is { } implied)
            track = await tracks.GetAsync(implied, ct);
        return new PlanningTarget(track, session, chat);
    }

    /// <summary>The request's target with a session and a chat, created when missing (<see cref="PlanningTarget.WithChatAsync"/>).</summary>
    /// <param name="noTrack">when given, a target without a track is refused with this 400 message before anything is created</param>
    public async Task<PlanningTarget> ResolveWithChatAsync(ClaimsPrincipal user, IPlanningRequest request, CancellationToken ct, string? noTrack = null)
    {
        var target = await ResolveAsync(user, request, ct);
        if (noTrack is not null && target.Track is null) throw ApiException.BadRequest(noTrack);
        return await target.WithChatAsync(user.UserId(), conversations, ct);
    }
}
