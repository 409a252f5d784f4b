using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.Assistant.Chat;

/// <summary>
/// Seed 004 <c>POST /api/v1/ai/chat</c>: the assistant's answer, on the conversation engine (an <c>assistant</c>
/// conversation; the reply is written by Handlers, this call waits for it, bounded). The notes and courses in
/// <c>contextRefs</c> go into the prompt as a system message; one the user cannot see is 403. Rate limited per user.
/// </summary>
public sealed class Endpoint(ConversationStore conversations, ConversationReplies replies, AssistantContext context) : Endpoint<Request, AssistantReply>
{
    public override void Configure()
    {
        Post("/api/v1/ai/chat");
        PreProcessor<AiRateLimit<Request>>();
        Description(d => d.WithTags("AI assistant").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(429).ProducesProblem(504));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        var contextText = await context.DescribeAsync(User, request.ContextRefs?.NoteIds ?? [], request.ContextRefs?.CourseIds ?? [], ct);
        Conversation conversation;
        if (request.ConversationId is { } id)
        {
            var existing = await conversations.GetAsync(id, ct);
            conversation = existing is { Kind: ConversationKinds.Assistant } && existing.OwnerId == userId
                ? existing
                : throw ApiException.NotFound("Conversation not found");
        }
        else
        {
            var title = request.Message.Length > 60 ? request.Message[..60] : request.Message;
            conversation = await conversations.CreateAsync(new NewConversation(ConversationKinds.Assistant, userId, title), ct);
        }
        if (contextText.Length > 0)
            await conversations.AppendAsync(conversation.Id, MessageRoles.System, "Use this context from the learner's notes and courses:\n\n" + contextText, ct);
        var outcome = await replies.AskAsync(conversation, request.Message.Trim(), ct);
        var reply = outcome.Reply;
        await Send.OkAsync(new AssistantReply(conversation.Id, reply.MessageId, "assistant", reply.Content, reply.CreatedAt, reply.PromptTokens,
            reply.CompletionTokens, request.Voice ? VoiceSessionInfo.For(HttpContext.Request, conversation.Id) : null), ct);
    }
}
