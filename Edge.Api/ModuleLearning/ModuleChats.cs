using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.ModuleLearning;

/// <summary>The module chat of a user (one per module), created with the tutor's opening message when first needed.</summary>
public sealed class ModuleChats(ConversationStore conversations, ConversationReplies replies)
{
    public const string OpeningInstruction =
        "The learner is starting this module. Greet them, say in two sentences what the module covers, and ask what they already know.";

    public async Task<Conversation?> FindAsync(long userId, TrackModule module, CancellationToken ct) =>
        (await conversations.ListAsync(userId, ConversationKinds.Module, null, false, null, module.Id, 0, 1, ct)).FirstOrDefault();

    /// <summary>The module's chat and its opening tutor message (asked for once; a second start returns the same).</summary>
    public async Task<(Conversation Chat, ConversationMessage Opening)> StartAsync(long userId, TrackModule module, CancellationToken ct)
    {
        var chat = await FindAsync(userId, module, ct) ?? await conversations.CreateAsync(new NewConversation(ConversationKinds.Module, userId,
            module.Title, CourseId: module.TrackId, ModuleId: module.Id), ct);
        var messages = await conversations.ListMessagesAsync(chat.Id, null, includeSystem: true, ct);
        var instruction = messages.FirstOrDefault(m => m.Role == MessageRoles.System);
        long replyId;
        if (instruction is null)
            replyId = (await replies.AskAsync(chat, OpeningInstruction, ct, MessageRoles.System)).Reply.MessageId;
        else
            replyId = messages.FirstOrDefault(m => m.ReplyTo == instruction.Id && m.Status != MessageStatuses.Streaming)?.Id
                ?? (await replies.WaitForReplyAsync(chat, instruction.Id, ct)).MessageId;
        return (chat, (await conversations.GetMessageAsync(replyId, ct))!);
    }
}
