using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Pipeline.Messages.Content;
using Pipeline.Messages.Stages;

namespace Pipeline.Domain.LearningPaths;

/// <summary>
/// Saves a planned path with its owner link, courses and sections, once per task. It is one statement (data-modifying
/// CTEs), so it is atomic without a transaction and takes one round trip however many sections the plan has.
/// </summary>
public sealed class LearningPathWriter(NpgsqlDataSource dataSource)
{
    // Courses and sections arrive as one JSON document and are numbered in order (positions are 0-based); the sections
    // find their course by its position. A redelivered command finds the path its first delivery saved
    // (created_by_task is unique): the insert then returns no rows and the saved sections are read instead.
    private const string Save = """
        WITH path AS (
            INSERT INTO learning_paths (created_by_task, owner_id, title, description, difficulty_level, estimated_days, interests)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (created_by_task) DO NOTHING
            RETURNING id
        ), owner AS (
            INSERT INTO user_learning_paths (user_id, learning_path_id) SELECT $2, id FROM path ON CONFLICT DO NOTHING
        ), planned_course AS (
            SELECT (c.ordinality - 1)::int AS position, c.value AS course FROM jsonb_array_elements($8::jsonb) WITH ORDINALITY AS c
        ), course AS (
            INSERT INTO courses (learning_path_id, position, title, description)
            SELECT path.id, position, course->>'title', course->>'description' FROM path, planned_course
            RETURNING id, position, title
        ), section AS (
            INSERT INTO sections (course_id, learning_path_id, position, title, keywords)
            SELECT course.id, path.id, (s.ordinality - 1)::int, s.value->>'title',
                   ARRAY(SELECT jsonb_array_elements_text(s.value->'keywords'))
            FROM path, planned_course
            JOIN course ON course.position = planned_course.position
            CROSS JOIN LATERAL jsonb_array_elements(planned_course.course->'sections') WITH ORDINALITY AS s
            RETURNING id, course_id, position, title, keywords
        )
        SELECT path.id, section.id, course.title, section.title, section.keywords
        FROM path, section JOIN course ON course.id = section.course_id
        ORDER BY course.position, section.position
        """;

    public async Task<(long LearningPathId, IReadOnlyList<SavedSection> Sections)> SaveAsync(
        Guid taskId, long userId, LearningGoals goals, PlannedPath plan, CancellationToken cancellationToken)
    {
        var courses = JsonSerializer.Serialize(plan.Courses.Select(c => new
        {
            title = c.Title,
            description = c.Description,
            sections = c.Sections.Select(s => new { title = s.Title, keywords = s.Keywords }),
        }));
        await using var command = dataSource.CreateCommand(Save);
        object[] values =
        [
            taskId, userId, plan.Title, plan.Description, goals.DifficultyLevel, goals.EstimatedDays, goals.Interests.ToArray(),
        ];
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        command.Parameters.Add(new NpgsqlParameter { Value = courses, NpgsqlDbType = NpgsqlDbType.Jsonb });

        long? pathId = null;
        var sections = new List<SavedSection>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                pathId = reader.GetInt64(0);
                sections.Add(new SavedSection(reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4)));
            }
        }
        if (pathId is not null)
            return (pathId.Value, sections);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var existing = await connection.ExecuteScalarAsync<long>("SELECT id FROM learning_paths WHERE created_by_task = @taskId", new { taskId });
        return (existing, await SectionsOfAsync(connection, existing));
    }

    private static async Task<IReadOnlyList<SavedSection>> SectionsOfAsync(NpgsqlConnection connection, long pathId)
    {
        var rows = await connection.QueryAsync<(long Id, string CourseTitle, string Title, string[] Keywords)>(
            """
            SELECT s.id, c.title, s.title, s.keywords
            FROM sections s JOIN courses c ON c.id = s.course_id
            WHERE s.learning_path_id = @pathId
            ORDER BY c.position, s.position
            """, new { pathId });
        return rows.Select(r => new SavedSection(r.Id, r.CourseTitle, r.Title, r.Keywords)).ToList();
    }
}
