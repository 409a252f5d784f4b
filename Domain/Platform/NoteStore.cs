using Dapper;
using Npgsql;

namespace Pipeline.Domain.Platform;

/// <summary>The owner of <c>notes</c>: a user's own notes, never anyone else's.</summary>
public sealed class NoteStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, user_id AS UserId, title, content, course_id AS CourseId, tags, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public async Task<(IReadOnlyList<Note> Items, long Total)> ListAsync(long userId, long? courseId, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        const string where = "user_id = @userId AND (@courseId::bigint IS NULL OR course_id = @courseId)";
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM notes WHERE {where}",
            new { userId, courseId }, cancellationToken: ct));
        var items = await connection.QueryAsync<Note>(new CommandDefinition(
            $"SELECT {Columns} FROM notes WHERE {where} ORDER BY updated_at DESC, id DESC LIMIT @limit OFFSET @offset",
            new { userId, courseId, limit, offset }, cancellationToken: ct));
        return (items.ToList(), total);
    }

    public async Task<Note?> FindAsync(long userId, long noteId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Note>(new CommandDefinition(
            $"SELECT {Columns} FROM notes WHERE id = @noteId AND user_id = @userId", new { userId, noteId }, cancellationToken: ct));
    }

    /// <summary>The user's notes among <paramref name="noteIds"/> (others' and missing ones are left out).</summary>
    public async Task<IReadOnlyList<Note>> FindManyAsync(long userId, IReadOnlyCollection<long> noteIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Note>(new CommandDefinition(
            $"SELECT {Columns} FROM notes WHERE id = ANY(@ids) AND user_id = @userId ORDER BY id", new { userId, ids = noteIds.ToArray() },
            cancellationToken: ct))).ToList();
    }

    public async Task<Note> CreateAsync(long userId, string title, string content, long? courseId, string[] tags, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<Note>(new CommandDefinition(
            $"INSERT INTO notes (user_id, title, content, course_id, tags) VALUES (@userId, @title, @content, @courseId, @tags) RETURNING {Columns}",
            new { userId, title, content, courseId, tags }, cancellationToken: ct));
    }

    public async Task<Note?> UpdateAsync(long userId, long noteId, NoteChange change, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Note>(new CommandDefinition(
            $"""
            UPDATE notes SET title = coalesce(@Title::text, title), content = coalesce(@Content::text, content),
                             course_id = coalesce(@CourseId::bigint, course_id), tags = coalesce(@Tags::text[], tags), updated_at = now()
            WHERE id = @noteId AND user_id = @userId
            RETURNING {Columns}
            """, new { userId, noteId, change.Title, change.Content, change.CourseId, change.Tags }, cancellationToken: ct));
    }

    public async Task<bool> DeleteAsync(long userId, long noteId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM notes WHERE id = @noteId AND user_id = @userId",
            new { userId, noteId }, cancellationToken: ct)) == 1;
    }
}
