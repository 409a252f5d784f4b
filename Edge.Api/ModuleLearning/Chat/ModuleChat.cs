using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.ModuleLearning;

/// <summary>Seed 001 <c>POST /api/ai/module-chat</c>: A message in a module's chat (by chat_id or module_id) and the tutor's reply.</summary>
public sealed class ModuleChat(TrackStore tracks, ConversationStore conversations, ConversationReplies replies, ModuleChats moduleChats)
    : Endpoint<ModuleChatRequest, ModuleChatResponse>
{
    public override void Configure()
    {
        Post("/api/ai/module-chat");
        PreProcessor<AiRateLimit<ModuleChatRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "A message in a module's chat (by chat_id or module_id) and the tutor's reply.");
    }

    public override async Task HandleAsync(ModuleChatRequest r, CancellationToken ct)
    {
        var chat = await ModuleChatOf(r.ChatId, r.ModuleId, ct);
        var outcome = await replies.AskAsync(chat, r.Message!.Trim(), ct);
        await Send.OkAsync(new ModuleChatResponse(outcome.Reply.Content, chat.Id, chat.ModuleId!.Value, outcome.Reply.MessageId, outcome.Asked.Id,
            outcome.Reply.Status), ct);
    }

    private async Task<Conversation> ModuleChatOf(long? chatId, long? moduleId, CancellationToken ct)
    {
        if (chatId is { } id)
        {
            var chat = await conversations.GetOwnedChatAsync(id, User, ct, ConversationKinds.Module);
            if (moduleId is { } m && m != chat.ModuleId) throw ApiException.BadRequest("chat_id is not that module's chat.");
            return chat;
        }
        var module = await tracks.GetOwnedModuleAsync(moduleId!.Value, User, ct);
        return await moduleChats.FindAsync(User.UserId(), module, ct)
            ?? await conversations.CreateAsync(new NewConversation(ConversationKinds.Module, User.UserId(), module.Title, CourseId: module.TrackId,
                ModuleId: module.Id), ct);
    }
}
