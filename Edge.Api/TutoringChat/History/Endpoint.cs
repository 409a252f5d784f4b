using FastEndpoints;
using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.TutoringChat.History;

/// <summary>Seed 003 <c>GET /chat/{chat_id}/history</c>: the user's and tutor's turns, oldest first, with any feedback given.</summary>
public sealed class Endpoint(ConversationStore conversations) : Endpoint<ChatRoute, Response>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/chat/{chat_id}/history");
        Description(d => d.WithTags("LearnTrac chat").ProducesProblem(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ChatRoute request, CancellationToken ct)
    {
        var chat = await conversations.OwnedAsync(User, request.ChatId, ct);
        var messages = await conversations.ListMessagesAsync(chat.Id, null, includeSystem: false, ct);
        var items = messages.Select(m => new HistoryMessage(TutorReply.MessageId(m.Id), m.Role, m.Content, m.CreatedAt, m.Status, m.Feedback)).ToList();
        IReadOnlyList<string> coverage = chat.ConceptId is { } concept ? [$"concept-{concept}"] : [];
        await Send.OkAsync(new Response(TutorReply.ChatId(chat.Id), chat.CreatedAt, chat.Mode(), items, items.Count, coverage), ct);
    }
}
