using Dapper;
using MassTransit;
using Npgsql;
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
    NpgsqlDataSource dataSource,
    ITaskStatusCache statusCache,
    ISendEndpointProvider sendEndpoints,
    IRequestClient<GenerateLearningPath> requestClient,
    IConfiguration configuration)
{
    public const int MaxPromptLength = 2000;
    private readonly TimeSpan _structureTimeout = TimeSpan.FromSeconds(configuration.GetValue("Pipeline:StructureTimeoutSeconds", 90));

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

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO user_tasks (task_id, correlation_id, user_id, status, stage, prompt, idempotency_key)
            VALUES ($1, $2, $3, 'pending', 'initializing', $4, $5)
            ON CONFLICT (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING {TaskStatusRepository.Columns}
            """, connection))
        {
            object[] values = [publicId, taskId, userId, text, (object?)idempotencyKey ?? DBNull.Value];
            foreach (var value in values)
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                // Polls of the new task are answered from Redis from the start, also while PostgreSQL is restarting and
                // before the saga's first step has written the task.
                var pending = TaskStatusRepository.Read(reader);
                await reader.DisposeAsync();
                await statusCache.SetAndPublishAsync(pending, evenWhileBackingOff: true);
                return new AcceptedTask(taskId, publicId, text, IsNew: true);
            }
        }

        var existing = await connection.QuerySingleAsync<(Guid CorrelationId, string TaskId, string Prompt)>(
            "SELECT correlation_id, task_id, prompt FROM user_tasks WHERE user_id = @userId AND idempotency_key = @idempotencyKey",
            new { userId, idempotencyKey });
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
    private async Task ForgetAsync(AcceptedTask task)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM user_tasks WHERE correlation_id = @TaskId AND status = 'pending'", new { task.TaskId });
    }
}
