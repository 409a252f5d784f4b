using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.Tasks;

/// <summary>Task search for operations, across all users: newest first, filtered by status, stage, user and time.</summary>
public static class OpsTasksApi
{
    public static void MapOpsTasks(this RouteGroupBuilder ops) => ops.MapGet("/tasks", SearchAsync);

    /// <param name="user">A user id, or (part of) an email address.</param>
    /// <param name="from">Created at or after (ISO 8601).</param>
    /// <param name="to">Created before (ISO 8601).</param>
    private static async Task<Ok<OpsTaskList>> SearchAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken,
        string? status = null, string? stage = null, string? user = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int skip = 0, int limit = 50)
    {
        Paging.Validate(skip, limit);
        if (from is not null && to is not null && from > to) throw ApiException.BadRequest("from must not be after to.");
        long? userId = long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var email = userId is null && !string.IsNullOrWhiteSpace(user) ? $"%{user.Trim()}%" : null;
        var args = new { status, stage, userId, email, from = from?.UtcDateTime, to = to?.UtcDateTime, skip, limit };
        const string filter = """
            (@status::text IS NULL OR t.status = @status) AND (@stage::text IS NULL OR t.stage = @stage)
            AND (@userId::bigint IS NULL OR t.user_id = @userId) AND (@email::text IS NULL OR u.email ILIKE @email)
            AND (@from::timestamptz IS NULL OR t.created_at >= @from) AND (@to::timestamptz IS NULL OR t.created_at < @to)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tasks = await connection.QueryAsync<OpsTask>(new CommandDefinition($"""
            SELECT t.task_id AS "TaskId", t.correlation_id AS "CorrelationId", t.user_id AS "UserId", u.email AS "UserEmail",
                   t.status AS "Status", t.stage AS "Stage", t.progress AS "Progress", t.total_items AS "TotalItems",
                   t.completed_items AS "CompletedItems", t.error_details AS "ErrorDetails", t.llm_provider AS "LlmProvider",
                   t.llm_model AS "LlmModel", t.prompt_tokens AS "PromptTokens", t.completion_tokens AS "CompletionTokens",
                   t.created_at AS "CreatedAt", t.updated_at AS "UpdatedAt", t.ended_at AS "EndedAt"
            FROM user_tasks t JOIN users u ON u.id = t.user_id
            WHERE {filter}
            ORDER BY t.created_at DESC, t.id DESC OFFSET @skip LIMIT @limit
            """, args, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM user_tasks t JOIN users u ON u.id = t.user_id WHERE {filter}", args, cancellationToken: cancellationToken));
        return TypedResults.Ok(new OpsTaskList(tasks.ToList(), total));
    }
}
