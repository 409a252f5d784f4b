using FastEndpoints;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>Seed 001 <c>POST /api/ai/chat-response</c>: The AI's reply in a planning chat; without chat_id a new chat is started (in session_id, the track's </summary>
public sealed class ChatResponse(PlanningTargets targets, ConversationReplies replies)
    : Endpoint<ChatResponseRequest, ChatResponseResponse>
{
    public override void Configure()
    {
        Post("/api/ai/chat-response");
        PreProcessor<AiRateLimit<ChatResponseRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "The AI's reply in a planning chat; without chat_id a new chat is started (in session_id, the track's "
            + "newest session, or a new one) and its chat_id returned to continue with.");
    }

    public override async Task HandleAsync(ChatResponseRequest r, CancellationToken ct)
    {
        var target = await targets.ResolveWithChatAsync(User, r, ct);
        var outcome = await replies.AskAsync(target.Chat!, r.Message!.Trim(), ct);
        await Send.OkAsync(new ChatResponseResponse(outcome.Reply.Content, target.Chat!.Id, target.Session!.Id, outcome.Reply.MessageId,
            outcome.Asked.Id, outcome.Reply.Status), ct);
    }
}
