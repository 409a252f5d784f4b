using FastEndpoints;
using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.Chats;

/// <summary>Seed 001 <c>PUT /api/chat/chats/{chat_id}/status</c>: Sets a chat's status: active, paused, completed or archived.</summary>
public sealed class SetChatStatus(ConversationStore conversations) : Endpoint<StatusRequest, ChatSummary>
{
    public override void Configure()
    {
        Put("/api/chat/chats/{chat_id}/status");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "Sets a chat's status: active, paused, completed or archived.");
    }

    public override async Task HandleAsync(StatusRequest request, CancellationToken ct)
    {
        var chat = await conversations.GetOwnedChatAsync(request.ChatId, User, ct);
        await conversations.SetStatusAsync(chat.Id, request.Status!, ct);
        await Send.OkAsync(ChatSummary.From((await conversations.GetAsync(chat.Id, ct))!), ct);
    }
}
