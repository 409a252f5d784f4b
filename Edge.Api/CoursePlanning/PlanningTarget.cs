using System.Security.Claims;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>
/// What a planning request is about, from whichever ids it names (each checked for ownership): a chat implies its
/// session, a session its track. Missing pieces are created on demand (a session for the track, a chat in the session).
/// </summary>
public sealed record PlanningTarget(Track? Track, Conversation? Session, Conversation? Chat)
{
    public static async Task<PlanningTarget> ResolveAsync(ClaimsPrincipal user, long? trackId, long? sessionId, long? chatId,
        TrackStore tracks, ConversationStore conversations, CancellationToken ct)
    {
        Conversation? chat = null, session = null;
        Track? track = null;
        if (chatId is { } c)
        {
            chat = await conversations.GetOwnedChatAsync(c, user, ct);
            session = await conversations.GetOwnedSessionAsync(chat.ParentId!.Value, user, ct);
            if (sessionId is { } s && s != session.Id)
                throw Errors.ApiException.BadRequest("chat_id does not belong to session_id.");
        }
        else if (sessionId is { } s)
            session = await conversations.GetOwnedSessionAsync(s, user, ct);

        var impliedTrack = session?.CourseId;
        if (trackId is { } t)
        {
            if (impliedTrack is { } implied && implied != t) throw Errors.ApiException.BadRequest("track_id does not match the session's track.");
            track = await tracks.GetOwnedTrackAsync(t, user, ct);
        }
        else if (impliedTrack is { } implied)
            track = await tracks.GetAsync(implied, ct);
        return new PlanningTarget(track, session, chat);
    }

    /// <summary>This target with a session (the given one, the track's newest, or a new one) and a chat (the given one or
    /// a new one in the session).</summary>
    public async Task<PlanningTarget> WithChatAsync(long userId, ConversationStore conversations, CancellationToken ct)
    {
        var session = Session;
        if (session is null && Track is not null)
            session = (await conversations.ListAsync(userId, ConversationKinds.Planning, null, true, Track.Id, null, 0, 1, ct)).FirstOrDefault();
        session ??= await conversations.CreateAsync(new NewConversation(ConversationKinds.Planning, userId,
            Track is null ? "Planning" : $"Planning: {Track.Title}", CourseId: Track?.Id), ct);
        var chat = Chat ?? await conversations.CreateAsync(new NewConversation(ConversationKinds.Planning, userId, "New chat", ParentId: session.Id,
            CourseId: session.CourseId), ct);
        return this with { Session = session, Chat = chat };
    }
}
