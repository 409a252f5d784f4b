using Dapper;
using Npgsql;
using Pipeline.Messages.Content;
using Pipeline.Messages.Stages;

namespace Pipeline.Domain.LearningPaths;

/// <summary>Saves a planned path with its courses and sections in one transaction, once per task.</summary>
public sealed class LearningPathWriter(NpgsqlDataSource dataSource)
{
    public async Task<(long LearningPathId, IReadOnlyList<SavedSection> Sections)> SaveAsync(
        Guid taskId, long userId, LearningGoals goals, PlannedPath plan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A redelivered command finds the path its first delivery saved (created_by_task is unique).
        var pathId = await connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO learning_paths (created_by_task, owner_id, title, description, difficulty_level, estimated_days, interests)
            VALUES (@taskId, @userId, @Title, @Description, @DifficultyLevel, @EstimatedDays, @Interests)
            ON CONFLICT (created_by_task) DO NOTHING
            RETURNING id
            """,
            new { taskId, userId, plan.Title, plan.Description, goals.DifficultyLevel, goals.EstimatedDays, Interests = goals.Interests.ToArray() },
            transaction);

        if (pathId is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            var existing = await connection.ExecuteScalarAsync<long>("SELECT id FROM learning_paths WHERE created_by_task = @taskId", new { taskId });
            return (existing, await SectionsOfAsync(connection, existing));
        }

        await connection.ExecuteAsync(
            "INSERT INTO user_learning_paths (user_id, learning_path_id) VALUES (@userId, @pathId) ON CONFLICT DO NOTHING",
            new { userId, pathId }, transaction);
        for (var c = 0; c < plan.Courses.Count; c++)
        {
            var course = plan.Courses[c];
            var courseId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO courses (learning_path_id, position, title, description) VALUES (@pathId, @c, @Title, @Description) RETURNING id",
                new { pathId, c, course.Title, course.Description }, transaction);
            for (var s = 0; s < course.Sections.Count; s++)
            {
                var section = course.Sections[s];
                await connection.ExecuteAsync(
                    "INSERT INTO sections (course_id, learning_path_id, position, title, keywords) VALUES (@courseId, @pathId, @s, @Title, @Keywords)",
                    new { courseId, pathId, s, section.Title, Keywords = section.Keywords.ToArray() }, transaction);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return (pathId.Value, await SectionsOfAsync(connection, pathId.Value));
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
