using FastEndpoints;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.LearningPaths.Generate;

/// <summary>The asynchronous form: records the task, hands it to the saga, and answers 202 at once.</summary>
public sealed class Endpoint(LearningPathGeneration generation) : Endpoint<Request, GenerationAcceptedResponse>
{
    public override void Configure()
    {
        Post("/api/recommendation/learning-paths/generate");
        PreProcessor<JsonBodyOnly<Request>>();
        PreProcessor<AiRateLimit<Request>>();
        Description(d => GenerateDescription.Describe(d.ClearDefaultProduces(200)));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        var task = await generation.AcceptAsync(userId, request.Prompt, request.IdempotencyKey, ct);
        if (task.IsNew)
            await generation.SendAsync(task, userId, ct);
        await this.SendAcceptedAsync(task.PublicTaskId, "Learning path generation started.", ct);
    }
}
