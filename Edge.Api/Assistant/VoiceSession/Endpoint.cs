using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.Assistant.VoiceSession;

/// <summary>
/// Seed 004 <c>POST /api/v1/ai/voice-session</c> (201): starts an assistant conversation for the voice channel and
/// answers what a client needs to open it: seed 003's voice WebSocket (<c>/ws/voice?token=</c>) and the session id
/// to send in its connect message.
/// </summary>
public sealed class Endpoint(ConversationStore conversations) : EndpointWithoutRequest<VoiceSessionInfo>
{
    public override void Configure()
    {
        Post("/api/v1/ai/voice-session");
        PreProcessor<AiRateLimit<EmptyRequest>>();
        Description(d => d.WithTags("AI assistant").Produces<VoiceSessionInfo>(StatusCodes.Status201Created).ProducesProblem(401).ProducesProblem(429));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var conversation = await conversations.CreateAsync(new NewConversation(ConversationKinds.Assistant, User.UserId(), "Voice session"), ct);
        await Send.ResponseAsync(VoiceSessionInfo.For(HttpContext.Request, conversation.Id), StatusCodes.Status201Created, ct);
    }
}
