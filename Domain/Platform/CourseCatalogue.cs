using Dapper;
using Npgsql;

namespace Pipeline.Domain.Platform;

/// <summary>
/// Seed 004's view of <c>courses</c>, <c>sections</c> (modules) and <c>course_enrollments</c>: every kind of course a
/// user can see (their own, public ones, ones they are enrolled in, their generated paths' courses), catalogue courses
/// created with their modules, and enrolment.
/// </summary>
public sealed class CourseCatalogue(NpgsqlDataSource dataSource)
{
    // Who can see a course: its owner, anyone when public, anyone enrolled, and whoever a generated path was assigned to.
    private const string Visible = """
        (c.owner_id = @userId OR c.visibility = 'public'
         OR EXISTS (SELECT 1 FROM course_enrollments e WHERE e.course_id = c.id AND e.user_id = @userId)
         OR EXISTS (SELECT 1 FROM user_learning_paths u WHERE u.learning_path_id = c.learning_path_id AND u.user_id = @userId))
        """;

    private const string SummaryColumns = """
        c.id, c.kind, c.title, c.description, c.owner_id AS OwnerId, c.visibility, c.skill_area AS SkillArea,
        c.difficulty_level AS DifficultyLevel, c.estimated_duration_hours AS EstimatedDurationHours, c.status,
        (SELECT count(*)::int FROM sections s WHERE s.course_id = c.id) AS ModuleCount,
        EXISTS (SELECT 1 FROM course_enrollments e WHERE e.course_id = c.id AND e.user_id = @userId) AS Enrolled,
        c.created_at AS CreatedAt
        """;

    public async Task<(IReadOnlyList<CourseSummary> Items, long Total)> ListAsync(long userId, CourseFilter filter, int limit, int offset,
        CancellationToken cancellationToken)
    {
        var where = filter switch
        {
            CourseFilter.Enrolled => "EXISTS (SELECT 1 FROM course_enrollments e WHERE e.course_id = c.id AND e.user_id = @userId)",
            CourseFilter.Created => "c.owner_id = @userId",
            _ => Visible,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM courses c WHERE {where}", new { userId }, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<CourseSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM courses c WHERE {where} ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset",
            new { userId, limit, offset }, cancellationToken: cancellationToken));
        return (items.ToList(), total);
    }

    /// <summary>The course with its modules, or null when it does not exist or the user cannot see it.</summary>
    public async Task<(CourseSummary Course, IReadOnlyList<CourseModule> Modules)?> FindVisibleAsync(long userId, long courseId,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var course = await connection.QuerySingleOrDefaultAsync<CourseSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM courses c WHERE c.id = @courseId AND {Visible}", new { userId, courseId },
            cancellationToken: cancellationToken));
        if (course is null) return null;
        var modules = await connection.QueryAsync<CourseModule>(new CommandDefinition(
            """
            SELECT id, position, title, description, objectives, keywords, estimated_hours AS EstimatedHours
            FROM sections WHERE course_id = @courseId ORDER BY position, id
            """, new { courseId }, cancellationToken: cancellationToken));
        return (course, modules.ToList());
    }

    public async Task<bool> IsVisibleAsync(long userId, long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM courses c WHERE c.id = @courseId AND {Visible})", new { userId, courseId },
            cancellationToken: cancellationToken));
    }

    /// <summary>A catalogue course and its modules, in one transaction.</summary>
    public async Task<long> CreateAsync(NewCourse course, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO courses (kind, owner_id, title, description, visibility, skill_area, difficulty_level, estimated_duration_hours)
            VALUES ('catalogue', @OwnerId, @Title, @Description, @Visibility, @SkillArea, @DifficultyLevel, @EstimatedDurationHours)
            RETURNING id
            """, course, transaction, cancellationToken: cancellationToken));
        var position = 0;
        foreach (var module in course.Modules)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO sections (course_id, position, title, description, objectives, keywords, estimated_hours)
                VALUES (@id, @position, @Title, @Description, @Objectives, @Keywords, @EstimatedHours)
                """, new { id, position, module.Title, module.Description, module.Objectives, module.Keywords, module.EstimatedHours },
                transaction, cancellationToken: cancellationToken));
            position++;
        }
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Enrols the user once; enrolling again returns the first enrolment. Null when the user cannot see the course.</summary>
    public async Task<Enrollment?> EnrollAsync(long userId, long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var visible = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM courses c WHERE c.id = @courseId AND {Visible})", new { userId, courseId },
            cancellationToken: cancellationToken));
        if (!visible) return null;
        var inserted = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            """
            INSERT INTO course_enrollments (user_id, course_id) VALUES (@userId, @courseId)
            ON CONFLICT (user_id, course_id) DO NOTHING
            RETURNING enrolled_at
            """, new { userId, courseId }, cancellationToken: cancellationToken));
        if (inserted is { } at) return new Enrollment(userId, courseId, at, AlreadyEnrolled: false);
        var existing = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(
            "SELECT enrolled_at FROM course_enrollments WHERE user_id = @userId AND course_id = @courseId", new { userId, courseId },
            cancellationToken: cancellationToken));
        return new Enrollment(userId, courseId, existing, AlreadyEnrolled: true);
    }

    /// <summary>Title, description and module titles: what an AI call about the course is told.</summary>
    public async Task<string?> DescribeAsync(long userId, long courseId, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(userId, courseId, cancellationToken);
        if (found is not { } f) return null;
        return $"{f.Course.Title}\n{f.Course.Description}\nModules:\n" + string.Join('\n', f.Modules.Select(m => $"- {m.Title}: {m.Description}"));
    }
}
