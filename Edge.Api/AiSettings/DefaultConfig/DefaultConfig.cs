using FastEndpoints;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.AiSettings;

/// <summary>Seed 001 <c>GET /api/ai/default-config</c>: The deployment's AI settings every user starts from.</summary>
public sealed class DefaultConfig(IConfiguration configuration, IOptions<ConversationClientOptions> conversations) : EndpointWithoutRequest<AiConfigView>
{
    public override void Configure()
    {
        Get("/api/ai/default-config");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "The deployment's AI settings every user starts from.");
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(AiConfigView.Defaults(configuration, conversations.Value), ct);
}
