using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Domain.LearningPaths;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Tasks;

namespace Pipeline.Edge.Api.LearningPaths;

/// <summary>Seed 000: learning-path generation from a chat prompt, and its task status.</summary>
public static class RecommendationEndpoints
{
    private static readonly string[] NextSteps =
        ["Review the learning path structure", "Start with the first course", "Track your progress in each section"];

    public static void MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recommendation").WithTags("Recommendation").RequireAuthorization();
        group.MapPost("/chat/generate-learning-path", GenerateAndWaitAsync).RequireAiRateLimit();
        group.MapPost("/learning-paths/generate", GenerateInBackgroundAsync).RequireAiRateLimit();
        group.MapGet("/tasks/{task_id}", TaskEndpoints.GetStatusAsync);
    }

    private static async Task<Results<Ok<LearningPathCreatedResponse>, Accepted<GenerationAcceptedResponse>>> GenerateAndWaitAsync(
        GenerateLearningPathRequest? request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user,
        LearningPathGeneration generation, LearningPathReader paths, TaskStatusRepository tasks, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var task = await generation.AcceptAsync(userId, request?.Prompt, idempotencyKey, cancellationToken);
        var pathId = task.IsNew
            ? await generation.RunUntilStructureSavedAsync(task, userId, cancellationToken)
            : await WaitForExistingTaskAsync(task, tasks, cancellationToken);
        if (pathId is null)
            return TypedResults.Accepted(StatusUrl(task.PublicTaskId), Accepted(task.PublicTaskId,
                "The learning path is taking longer than usual; follow the task for its progress."));

        var view = await paths.GetAsync(pathId.Value, withCards: false, cancellationToken)
            ?? throw ApiException.NotFound("Learning path not found");
        return TypedResults.Ok(new LearningPathCreatedResponse(
            "I've created a personalized learning path for you!", view.Path, view.Courses, task.PublicTaskId, NextSteps));
    }

    private static async Task<Accepted<GenerationAcceptedResponse>> GenerateInBackgroundAsync(
        GenerateLearningPathRequest? request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user,
        LearningPathGeneration generation, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var task = await generation.AcceptAsync(userId, request?.Prompt, idempotencyKey, cancellationToken);
        if (task.IsNew)
            await generation.SendAsync(task, userId, cancellationToken);
        return TypedResults.Accepted(StatusUrl(task.PublicTaskId), Accepted(task.PublicTaskId, "Learning path generation started."));
    }

    // A repeated Idempotency-Key on the synchronous endpoint: answer like the first call did, once its structure exists.
    private static async Task<long?> WaitForExistingTaskAsync(LearningPathGeneration.AcceptedTask task, TaskStatusRepository tasks,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var status = await tasks.FindAsync(task.TaskId, cancellationToken);
            if (status?.LearningPathId is { } pathId) return pathId;
            if (status is { Status: TaskStatuses.Failed or TaskStatuses.Timeout or TaskStatuses.Canceled })
                throw LearningPathGeneration.GenerationFailed(task.Prompt, status.Stage ?? "", status.ErrorDetails ?? status.ResultMessage ?? status.Status);
            await Task.Delay(200, cancellationToken);
        }
        return null;
    }

    private static string StatusUrl(string taskId) => $"/api/tasks/{taskId}/status";

    private static GenerationAcceptedResponse Accepted(string taskId, string message) =>
        new(taskId, TaskStatuses.Pending, message, StatusUrl(taskId), $"/api/tasks/{taskId}/events");
}
