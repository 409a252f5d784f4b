using Dapper;
using Npgsql;

namespace Pipeline.Domain.Platform;

/// <summary>The owner of <c>schedule_blocks</c>.</summary>
public sealed class ScheduleStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, user_id AS UserId, title, description, starts_at AS StartsAt, ends_at AS EndsAt, recurring, goal_id AS GoalId,
        course_id AS CourseId, created_at AS CreatedAt
        """;

    public async Task<ScheduleBlock> CreateAsync(NewScheduleBlock block, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<ScheduleBlock>(new CommandDefinition(
            $"""
            INSERT INTO schedule_blocks (user_id, title, description, starts_at, ends_at, recurring, goal_id, course_id)
            VALUES (@UserId, @Title, @Description, @StartsAt, @EndsAt, @Recurring, @GoalId, @CourseId)
            RETURNING {Columns}
            """, new { block.UserId, block.Title, block.Description, StartsAt = block.StartsAt.UtcDateTime, EndsAt = block.EndsAt.UtcDateTime,
                block.Recurring, block.GoalId, block.CourseId }, cancellationToken: ct));
    }

    /// <summary>
    /// Blocks that may have an occurrence overlapping [<paramref name="from"/>, <paramref name="to"/>): one-off blocks that
    /// overlap it, and every recurring block that started before its end (their rules decide).
    /// </summary>
    public async Task<IReadOnlyList<ScheduleBlock>> CandidatesAsync(long userId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ScheduleBlock>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM schedule_blocks
            WHERE user_id = @userId AND starts_at < @to AND (recurring IS NOT NULL OR ends_at > @from)
            ORDER BY starts_at, id
            """, new { userId, from = from.UtcDateTime, to = to.UtcDateTime }, cancellationToken: ct))).ToList();
    }
}
