using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Chats;

/// <summary>Seed 001 <c>GET /api/chat/chats/{chat_id}/messages</c>: A chat's messages, oldest first (an assistant reply in progress has status streaming).</summary>
public sealed class ListChatMessages(ConversationStore conversations) : Endpoint<ChatIdRequest, IReadOnlyList<MessageView>>
{
    public override void Configure()
    {
        Get("/api/chat/chats/{chat_id}/messages");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "A chat's messages, oldest first (an assistant reply in progress has status streaming).");
    }

    public override async Task HandleAsync(ChatIdRequest request, CancellationToken ct)
    {
        var chat = await conversations.GetAsync(request.ChatId, ct);
        if (chat is null || chat.OwnerId != User.UserId() || chat.ParentId is null && chat.Kind == ConversationKinds.Planning)
            throw ApiException.NotFound("Chat not found");
        var messages = await conversations.ListMessagesAsync(chat.Id, null, includeSystem: false, ct);
        await Send.OkAsync(messages.Select(MessageView.From).ToList(), ct);
    }
}
