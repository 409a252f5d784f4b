using FastEndpoints;
using Pipeline.Domain.LearningPaths;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.LearningPaths.Generate;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.LearningPaths.GenerateAndWait;

/// <summary>
/// Seed 000: generation from a chat prompt, answered once the path's structure is saved (200), or with 202 and the task
/// to follow when that takes longer than the configured wait.
/// </summary>
public sealed class Endpoint(LearningPathGeneration generation, LearningPathReader paths, TaskStore tasks)
    : Endpoint<Generate.Request, LearningPathCreatedResponse>
{
    private static readonly string[] NextSteps =
        ["Review the learning path structure", "Start with the first course", "Track your progress in each section"];

    public override void Configure()
    {
        Post("/api/recommendation/chat/generate-learning-path");
        PreProcessor<JsonBodyOnly<Generate.Request>>();
        PreProcessor<AiRateLimit<Generate.Request>>();
        Description(d => GenerateDescription.Describe(d.Produces<LearningPathCreatedResponse>()));
    }

    public override async Task HandleAsync(Generate.Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        var task = await generation.AcceptAsync(userId, request.Prompt, request.IdempotencyKey, ct);
        var pathId = task.IsNew
            ? await generation.RunUntilStructureSavedAsync(task, userId, ct)
            : await WaitForExistingTaskAsync(task, ct);
        if (pathId is null)
        {
            await this.SendAcceptedAsync(task.PublicTaskId, "The learning path is taking longer than usual; follow the task for its progress.", ct);
            return;
        }

        var view = await paths.GetAsync(pathId.Value, withCards: false, ct) ?? throw ApiException.NotFound("Learning path not found");
        await Send.OkAsync(new LearningPathCreatedResponse(
            "I've created a personalized learning path for you!", view.Path, view.Courses, task.PublicTaskId, NextSteps), ct);
    }

    // A repeated Idempotency-Key on the synchronous endpoint: answer like the first call did, once its structure exists.
    private async Task<long?> WaitForExistingTaskAsync(LearningPathGeneration.AcceptedTask task, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var status = await tasks.FindAsync(task.TaskId, ct);
            if (status?.LearningPathId is { } pathId) return pathId;
            if (status is { Status: TaskStatuses.Failed or TaskStatuses.Timeout or TaskStatuses.Canceled })
                throw LearningPathGeneration.GenerationFailed(task.Prompt, status.Stage ?? "", status.ErrorDetails ?? status.ResultMessage ?? status.Status);
            await Task.Delay(200, ct);
        }
        return null;
    }
}
