using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.TutoringChat.Message;

/// <summary>Seed 003 <c>POST /chat/{chat_id}/message</c>: the tutor's reply with its code examples and follow-up questions.</summary>
public sealed class Endpoint(ConversationStore conversations, ConversationReplies replies) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/learntrac/v1/chat/{chat_id}/message");
        Options(o => o.WithMetadata(new RateLimitedAs(RateLimitPolicies.Chat)));
        Description(d => d.WithTags("LearnTrac chat").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var chat = await conversations.OwnedAsync(User, request.ChatId, ct);
        var outcome = await replies.AskAsync(chat, request.Message, ct);
        var reply = outcome.Reply;
        var (examples, followUps) = await TutorReply.PartsAsync(conversations, reply.MessageId, reply.Content, chat.Mode(), ct);
        await Send.OkAsync(new Response(TutorReply.MessageId(reply.MessageId),
            new ReplyBody(reply.Content, request.IncludeCodeExamples ? examples : [], followUps),
            reply.PromptTokens + reply.CompletionTokens, null), ct);
    }
}
