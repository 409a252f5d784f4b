using FastEndpoints;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.AiSettings;

/// <summary>Seed 001 <c>GET /api/ai/user-config</c>: The caller's AI settings: the defaults with their own changes.</summary>
public sealed class GetUserConfig(IConfiguration configuration, AiUserConfigStore configs) : EndpointWithoutRequest<AiConfigView>
{
    public override void Configure()
    {
        Get("/api/ai/user-config");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "The caller's AI settings: the defaults with their own changes.");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(AiConfigView.Defaults(configuration).With(await configs.GetAsync(User.UserId(), ct)), ct);
}
