using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages;
using Pipeline.Messages.LearningPaths;

namespace Pipeline.Edge.Api.LearningPaths;

/// <summary>
/// Accepts a generation: validates the prompt, records the task (once per idempotency key), and hands the command to
/// the saga, either waiting for the saved structure (seed 000) or not (the asynchronous form).
/// </summary>
public sealed class LearningPathGeneration(
    TaskStore tasks,
    ITaskStatusCache statusCache,
    ISendEndpointProvider sendEndpoints,
    IRequestClient<GenerateLearningPath> requestClient,
    IOptions<LearningPathGenerationOptions> options)
{
    public const int MaxPromptLength = 2000;
    private readonly TimeSpan _structureTimeout = TimeSpan.FromSeconds(options.Value.StructureTimeoutSeconds);

    public sealed record AcceptedTask(Guid TaskId, string PublicTaskId, string Prompt, bool IsNew);

    public static string ValidatePrompt(string? prompt)
    {
        var trimmed = prompt?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw ApiException.BadRequest("Prompt cannot be empty.");
        if (trimmed.Length > MaxPromptLength)
            throw ApiException.BadRequest($"Prompt is too long: at most {MaxPromptLength} characters.");
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw ApiException.BadRequest("Prompt contains control characters.");
        return trimmed;
    }

    /// <summary>Records the task; the same idempotency key from the same user returns the first task.</summary>
    public async Task<AcceptedTask> AcceptAsync(long userId, string? prompt, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var text = ValidatePrompt(prompt);
        if (idempotencyKey is { Length: > 200 })
            throw ApiException.BadRequest("Idempotency-Key is too long: at most 200 characters.");
        var taskId = NewId.NextGuid();
        var publicId = TaskIds.PublicId(userId, taskId);

        var pending = await tasks.CreatePendingAsync(publicId, taskId, userId, text, idempotencyKey, cancellationToken);
        if (pending is not null)
        {
            // Polls of the new task are answered from Redis from the start, also while PostgreSQL is restarting and
            // before the saga's first step has written the task.
            await statusCache.SetAndPublishAsync(pending, evenWhileBackingOff: true);
            return new AcceptedTask(taskId, publicId, text, IsNew: true);
        }
        var existing = await tasks.FindByIdempotencyKeyAsync(userId, idempotencyKey!, cancellationToken);
        return new AcceptedTask(existing.CorrelationId, existing.TaskId, existing.Prompt, IsNew: false);
    }

    public async Task SendAsync(AcceptedTask task, long userId, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.Address(QueueNames.LearningPathSaga));
            await endpoint.Send(new GenerateLearningPath(task.TaskId, userId, task.Prompt), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ForgetAsync(task);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The task queue is unavailable; please try again.");
        }
    }

    /// <summary>Sends the command as a request and waits until the structure is saved (or the task failed).</summary>
    /// <returns>The saved path's id, or null when the structure took longer than the configured wait.</returns>
    public async Task<long?> RunUntilStructureSavedAsync(AcceptedTask task, long userId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await requestClient.GetResponse<LearningPathStructureReady, LearningPathGenerationFailed>(
                new GenerateLearningPath(task.TaskId, userId, task.Prompt), cancellationToken, RequestTimeout.After(s: (int)_structureTimeout.TotalSeconds));
            if (response.Is(out Response<LearningPathStructureReady>? ready))
                return ready.Message.LearningPathId;
            response.Is(out Response<LearningPathGenerationFailed>? failed);
            throw GenerationFailed(task.Prompt, failed!.Message.Stage, failed.Message.Reason);
        }
        catch (RequestTimeoutException)
        {
            return null;
        }
        catch (Exception e) when (e is not (ApiException or OperationCanceledException or RequestTimeoutException))
        {
            await ForgetAsync(task);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The task queue is unavailable; please try again.");
        }
    }

    public static ApiException GenerationFailed(string prompt, string stage, string reason) => new(
        StatusCodes.Status500InternalServerError,
        stage == TaskStages.ExtractingGoals
            ? $"Failed to parse learning goals from prompt: {prompt}"
            : $"Failed to generate the learning path during {stage.Replace('_', ' ')}: {reason}");

    // A task whose command never reached the bus must not stay "pending" forever.
    private Task ForgetAsync(AcceptedTask task) => tasks.DeletePendingAsync(task.TaskId, CancellationToken.None);
}
