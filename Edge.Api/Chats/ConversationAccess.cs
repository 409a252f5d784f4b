using System.Security.Claims;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Chats;

/// <summary>Sessions and chats are visible to their owner only; anyone else gets the 404 of one that does not exist.</summary>
public static class ConversationAccess
{
    public static async Task<Conversation> GetOwnedSessionAsync(this ConversationStore store, long sessionId, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var session = await store.GetAsync(sessionId, cancellationToken);
        return session is { Kind: ConversationKinds.Planning, ParentId: null } && session.OwnerId == user.UserId()
            ? session
            : throw ApiException.NotFound("Session not found");
    }

    /// <summary>A planning chat (inside a session), or with <paramref name="kind"/> module a module chat.</summary>
    public static async Task<Conversation> GetOwnedChatAsync(this ConversationStore store, long chatId, ClaimsPrincipal user,
        CancellationToken cancellationToken, string kind = ConversationKinds.Planning)
    {
        var chat = await store.GetAsync(chatId, cancellationToken);
        return chat is not null && chat.Kind == kind && (kind != ConversationKinds.Planning || chat.ParentId is not null)
            && chat.OwnerId == user.UserId()
            ? chat
            : throw ApiException.NotFound("Chat not found");
    }
}
