using System.Security.Claims;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.TutoringChat;

public static class TutoringChats
{
    /// <summary>The caller's tutoring chat named by <paramref name="chatId"/>; 404 for anything else (someone else's too).</summary>
    public static async Task<Conversation> OwnedAsync(this ConversationStore store, ClaimsPrincipal user, string chatId, CancellationToken ct)
    {
        var id = TutorReply.Parse(chatId, "chat-") ?? throw ApiException.NotFound("Chat not found");
        var chat = await store.GetAsync(id, ct);
        return chat is { Kind: ConversationKinds.Tutoring } && chat.OwnerId == user.UserId() ? chat : throw ApiException.NotFound("Chat not found");
    }

    public static string Mode(this Conversation chat) => chat.Metadata["mode"]?.GetValue<string>() ?? "tutoring";
}
