using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.Assistant.Summary;

/// <summary>
/// Seed 004 <c>POST /api/v1/ai/summary</c>: a summary of a note, a course or given text, by the assistant on the
/// conversation engine. A note or course the user cannot see is 403. Rate limited per user.
/// </summary>
public sealed class Endpoint(ConversationStore conversations, ConversationReplies replies, AssistantContext context) : Endpoint<Request, AssistantReply>
{
    public override void Configure()
    {
        Post("/api/v1/ai/summary");
        PreProcessor<AiRateLimit<Request>>();
        Description(d => d.WithTags("AI assistant").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429).ProducesProblem(504));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (!request.NamesExactlyOne)
            throw ApiException.BadRequest("Give exactly one of noteId, courseId or text.",
                new[] { new { field = "noteId", message = "give exactly one of noteId, courseId or text" } });
        var source = request.Text?.Trim() is { Length: > 0 } text
            ? text
            : await context.DescribeAsync(User, request.NoteId is { } n ? [n] : [], request.CourseId is { } c ? [c] : [], ct);
        var conversation = await conversations.CreateAsync(new NewConversation(ConversationKinds.Assistant, User.UserId(), "Summary", CourseId: request.CourseId), ct);
        var outcome = await replies.AskAsync(conversation, "Summarise the following for a learner in a few sentences:\n\n" + source, ct);
        var reply = outcome.Reply;
        await Send.OkAsync(new AssistantReply(conversation.Id, reply.MessageId, "assistant", reply.Content, reply.CreatedAt, reply.PromptTokens,
            reply.CompletionTokens), ct);
    }
}
