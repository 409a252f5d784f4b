using FastEndpoints;
using MassTransit;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Messages.Tracks;

namespace Pipeline.Edge.Api.AiSettings;

/// <summary>Seed 001 <c>POST /api/ai/test-connection</c>: Whether the configured AI provider answers: provider, model, latency, or the error (never a key).</summary>
public sealed class TestConnection(IRequestClient<TestAiConnection> client) : EndpointWithoutRequest<ConnectionTestResponse>
{
    public override void Configure()
    {
        Post("/api/ai/test-connection");
        PreProcessor<AiRateLimit<EmptyRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "Whether the configured AI provider answers: provider, model, latency, or the error (never a key).");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        try
        {
            var response = await client.GetResponse<AiConnectionTested>(new TestAiConnection(User.UserId()), ct, RequestTimeout.After(s: 30));
            var m = response.Message;
            await Send.OkAsync(new ConnectionTestResponse(m.Success, m.Provider, m.Model, m.LatencyMs, m.Error), ct);
        }
        catch (RequestTimeoutException)
        {
            throw new ApiException(StatusCodes.Status504GatewayTimeout, "The AI workers did not answer within 30 s.");
        }
    }
}
