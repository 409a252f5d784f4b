using System.Text.Json.Nodes;
using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.TutoringChat.Start;

/// <summary>
/// Seed 003 <c>POST /chat/start</c>: a tutoring conversation on the conversation engine, and the tutor's first reply
/// (the Handlers reply worker calls the model; this waits for it, bounded). Counts against the chat limit.
/// </summary>
public sealed class Endpoint(ConversationStore conversations, ConversationReplies replies) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/learntrac/v1/chat/start");
        Options(o => o.WithMetadata(new RateLimitedAs(RateLimitPolicies.Chat)));
        Description(d => d.WithTags("LearnTrac chat").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status504GatewayTimeout));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var mode = request.Context?.Mode ?? "tutoring";
        var conceptId = request.Context?.ConceptId;
        var sessionId = request.Context?.SessionId;
        var title = request.InitialMessage.Length <= 80 ? request.InitialMessage : request.InitialMessage[..80] + "…";
        var chat = await conversations.CreateAsync(new NewConversation(ConversationKinds.Tutoring, User.UserId(), title, ConceptId: conceptId,
            Metadata: new JsonObject { ["context"] = TutorReply.Context(mode, conceptId, sessionId), ["mode"] = mode, ["session_id"] = sessionId }), ct);
        var outcome = await replies.AskAsync(chat, request.InitialMessage, ct);
        var reply = await conversations.GetMessageAsync(outcome.Reply.MessageId, ct);
        var (examples, followUps) = await TutorReply.PartsAsync(conversations, outcome.Reply.MessageId, outcome.Reply.Content, mode, ct);

        await Send.OkAsync(new Response(TutorReply.ChatId(chat.Id), "active", reply?.Model ?? "unknown", conceptId is not null || sessionId is not null,
            new InitialResponse(outcome.Reply.Content, followUps,
                examples.Select(c => new ChatResource("example", c.Title, $"```{c.Language}\n{c.Code}\n```")).ToList())), ct);
    }
}
