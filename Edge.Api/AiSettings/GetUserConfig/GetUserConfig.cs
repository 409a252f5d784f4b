using FastEndpoints;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.AiSettings;

/// <summary>Seed 001 <c>GET /api/ai/user-config</c>: The caller's AI settings: the defaults with their own changes.</summary>
public sealed class GetUserConfig(IConfiguration configuration, IOptions<ConversationClientOptions> conversations, AiUserConfigStore configs) : EndpointWithoutRequest<AiConfigView>
{
    public override void Configure()
    {
        Get("/api/ai/user-config");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "The caller's AI settings: the defaults with their own changes.");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(AiConfigView.Defaults(configuration, conversations.Value).With(await configs.GetAsync(User.UserId(), ct)), ct);
}
