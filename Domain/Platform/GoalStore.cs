using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Pipeline.Domain.LearningEvents;

namespace Pipeline.Domain.Platform;

/// <summary>The owner of <c>goals</c>. Progress is a learning event (object_type goal, verb progressed) written in the same transaction.</summary>
public sealed class GoalStore(NpgsqlDataSource dataSource, LearningEventStore events)
{
    public const string ObjectType = "goal";
    public const string ProgressVerb = "progressed";

    private const string Columns = """
        id, user_id AS UserId, title, description, target_value AS TargetValue, current_value AS CurrentValue, unit, status,
        to_char(due_date, 'YYYY-MM-DD') AS DueDate, course_id AS CourseId, completed_at AS CompletedAt, created_at AS CreatedAt,
        updated_at AS UpdatedAt
        """;

    public async Task<(IReadOnlyList<Goal> Items, long Total)> ListAsync(long userId, string? status, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        const string where = "user_id = @userId AND (@status::text IS NULL OR status = @status)";
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM goals WHERE {where}",
            new { userId, status }, cancellationToken: ct));
        var items = await connection.QueryAsync<Goal>(new CommandDefinition(
            $"SELECT {Columns} FROM goals WHERE {where} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset",
            new { userId, status, limit, offset }, cancellationToken: ct));
        return (items.ToList(), total);
    }

    /// <summary>The user's goal; null when it does not exist or is someone else's.</summary>
    public async Task<Goal?> FindAsync(long userId, long goalId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Goal>(new CommandDefinition(
            $"SELECT {Columns} FROM goals WHERE id = @goalId AND user_id = @userId", new { userId, goalId }, cancellationToken: ct));
    }

    public async Task<Goal> CreateAsync(NewGoal goal, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<Goal>(new CommandDefinition(
            $"""
            INSERT INTO goals (user_id, title, description, target_value, unit, due_date, course_id)
            VALUES (@UserId, @Title, @Description, @TargetValue, @Unit, @DueDate::date, @CourseId)
            RETURNING {Columns}
            """, goal, cancellationToken: ct));
    }

    /// <summary>
    /// Applies the change. A new target at or below the current value completes the goal; a target raised above it
    /// reopens a completed goal. Null when the goal is not the user's.
    /// </summary>
    public async Task<Goal?> UpdateAsync(long userId, long goalId, GoalChange change, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Goal>(new CommandDefinition(
            $"""
            WITH changed AS (
                SELECT id, coalesce(@TargetValue::double precision, target_value) AS target, coalesce(@Status::text, status) AS wanted
                FROM goals WHERE id = @goalId AND user_id = @userId
            )
            UPDATE goals g SET
                title        = coalesce(@Title::text, g.title),
                description  = coalesce(@Description::text, g.description),
                unit         = coalesce(@Unit::text, g.unit),
                due_date     = coalesce(@DueDate::date, g.due_date),
                course_id    = coalesce(@CourseId::bigint, g.course_id),
                target_value = c.target,
                status       = CASE WHEN c.wanted IN ('active', 'completed') THEN
                                   CASE WHEN g.current_value >= c.target THEN 'completed' ELSE 'active' END
                               ELSE c.wanted END,
                completed_at = CASE WHEN c.wanted IN ('active', 'completed') AND g.current_value >= c.target
                                    THEN coalesce(g.completed_at, now()) ELSE NULL END,
                updated_at   = now()
            FROM changed c WHERE g.id = c.id
            RETURNING {Columns.Replace("id,", "g.id,", StringComparison.Ordinal)}
            """, new { userId, goalId, change.Title, change.Description, change.TargetValue, change.Unit, change.DueDate, change.Status, change.CourseId },
            cancellationToken: ct));
    }

    /// <summary>
    /// Records progress: a learning event, the goal's current value moved by <paramref name="delta"/> (never below 0), and
    /// the goal completed when it reaches its target. Null when the goal is not the user's.
    /// </summary>
    public async Task<GoalProgress?> RecordProgressAsync(long userId, long goalId, double delta, string? note, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<Goal>(new CommandDefinition(
            $"SELECT {Columns} FROM goals WHERE id = @goalId AND user_id = @userId FOR UPDATE", new { userId, goalId }, transaction,
            cancellationToken: ct));
        if (before is null) return null;
        var after = await connection.QuerySingleAsync<Goal>(new CommandDefinition(
            $"""
            UPDATE goals SET
                current_value = greatest(0, current_value + @delta),
                status        = CASE WHEN greatest(0, current_value + @delta) >= target_value THEN 'completed'
                                     WHEN status = 'completed' THEN 'active' ELSE status END,
                completed_at  = CASE WHEN greatest(0, current_value + @delta) >= target_value THEN coalesce(completed_at, now()) ELSE NULL END,
                updated_at    = now()
            WHERE id = @goalId
            RETURNING {Columns}
            """, new { goalId, delta }, transaction, cancellationToken: ct));
        var completedNow = after.Status == "completed" && before.Status != "completed";
        var context = new JsonObject
        {
            ["delta"] = delta,
            ["value"] = after.CurrentValue,
            ["target"] = after.TargetValue,
            ["unit"] = after.Unit,
        };
        if (note is not null) context["note"] = note;
        var eventId = await events.AppendAsync(new LearningEvent(userId, ProgressVerb, ObjectType, goalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Score: Math.Min(1, after.CurrentValue / after.TargetValue), Completion: after.Status == "completed", Context: context), ct, connection, transaction);
        await transaction.CommitAsync(ct);
        return new GoalProgress(eventId, delta, after, completedNow);
    }
}
