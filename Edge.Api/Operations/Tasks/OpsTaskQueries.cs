using Dapper;
using Npgsql;

namespace Pipeline.Edge.Api.Operations.Tasks;

/// <summary>Task search across all users for operations (reads <c>user_tasks</c> joined with <c>users</c>).</summary>
public static class OpsTaskQueries
{
    public static async Task<OpsTaskList> SearchAsync(this NpgsqlDataSource dataSource, Search.Request request, long? userId, string? email,
        CancellationToken cancellationToken)
    {
        var args = new
        {
            status = request.Status, stage = request.Stage, userId, email, from = request.From?.UtcDateTime, to = request.To?.UtcDateTime,
            skip = request.Skip, limit = request.Limit,
        };
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
        return new OpsTaskList(tasks.ToList(), total);
    }
}
