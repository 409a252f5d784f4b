using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>
/// What a planning request is about (looked up by <see cref="PlanningTargets"/>): a chat implies its session, a session
/// its track. Missing pieces are created on demand (a session for the track, a chat in the session).
/// </summary>
public sealed record PlanningTarget(Track? Track, Conversation? Session, Conversation? Chat)
{
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
