using System.Text.Json.Nodes;
using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.TutoringChat.Feedback;

/// <summary>
/// Seed 003 <c>POST /chat/{chat_id}/feedback</c>: rating, helpfulness and comments on one of the tutor's replies, stored
/// with the message (a new rating replaces the old) and appended to the learning log (verb rated) for analytics.
/// </summary>
public sealed class Endpoint(ConversationStore conversations, LearningEventStore learningEvents, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/learntrac/v1/chat/{chat_id}/feedback");
        Description(d => d.WithTags("LearnTrac chat").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var chat = await conversations.OwnedAsync(User, request.ChatId, ct);
        var messageId = TutorReply.Parse(request.MessageId, "msg-") ?? throw ApiException.NotFound("Message not found");
        var message = await conversations.GetMessageAsync(messageId, ct);
        if (message is null || message.ConversationId != chat.Id)
            throw ApiException.NotFound("Message not found");
        if (message.Role != MessageRoles.Assistant)
            throw ApiException.BadRequest("Feedback is given on the tutor's replies.", new[] { new { field = "message_id", message = "Not a tutor reply." } });

        var now = clock.GetUtcNow();
        await conversations.SetFeedbackAsync(message.Id, new JsonObject
        {
            ["rating"] = request.Rating, ["helpful"] = request.Helpful, ["feedback"] = request.Feedback,
            ["improvement_suggestions"] = request.ImprovementSuggestions, ["rated_at"] = now,
        }, ct);
        await learningEvents.AppendAsync(new LearningEvent(User.UserId(), "rated", "chat_message", TutorReply.MessageId(message.Id),
            Score: request.Rating!.Value / 5.0, Success: request.Helpful,
            Context: new JsonObject { ["chat_id"] = TutorReply.ChatId(chat.Id), ["concept_id"] = chat.ConceptId, ["model"] = message.Model },
            DedupKey: $"chat-feedback:{message.Id}:{now.UtcTicks}", OccurredAt: now), ct);
        await Send.OkAsync(new Response(true, "Thank you for your feedback! This helps improve our AI tutoring."), ct);
    }
}
