using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.ModuleLearning;

/// <summary>Seed 001 <c>POST /api/ai/module-chat-history</c>: A module chat's messages, oldest first (none before module-learning-start).</summary>
public sealed class ModuleChatHistory(TrackStore tracks, ConversationStore conversations, ModuleChats moduleChats)
    : Endpoint<ModuleChatHistoryRequest, ModuleChatHistoryResponse>
{
    public override void Configure()
    {
        Post("/api/ai/module-chat-history");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "A module chat's messages, oldest first (none before module-learning-start).");
    }

    public override async Task HandleAsync(ModuleChatHistoryRequest r, CancellationToken ct)
    {
        Conversation? chat;
        long moduleId;
        if (r.ChatId is { } chatId)
        {
            chat = await conversations.GetOwnedChatAsync(chatId, User, ct, ConversationKinds.Module);
            moduleId = chat.ModuleId!.Value;
            if (r.ModuleId is { } m && m != moduleId) throw ApiException.BadRequest("chat_id is not that module's chat.");
        }
        else
        {
            var module = await tracks.GetOwnedModuleAsync(r.ModuleId!.Value, User, ct);
            moduleId = module.Id;
            chat = await moduleChats.FindAsync(User.UserId(), module, ct);
        }
        var messages = chat is null ? [] : await conversations.ListMessagesAsync(chat.Id, null, includeSystem: false, ct);
        await Send.OkAsync(new ModuleChatHistoryResponse(chat?.Id, moduleId, messages.Select(MessageView.From).ToList()), ct);
    }
}
