using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pipeline.Domain.Database;
using Pipeline.Domain.LearningPaths;
using Pipeline.Messages.Content;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningPaths;

/// <summary>The save stage's writer: one statement for the whole plan, and a redelivered command finds the first save.</summary>
public sealed class Saving_a_planned_path : IAsyncLifetime
{
    private static readonly LearningGoals Goals = new(["chess", "openings"], "beginner", 20);
    private static readonly PlannedPath Plan = new("Chess in 20 days", "From the rules to the first tournament",
    [
        new PlannedCourse("Rules", "How pieces move", [new("Board", ["ranks", "files"]), new("Pieces", ["knight", "bishop's diagonal"])]),
        new PlannedCourse("Openings", "First moves", [new("Italian", ["e4", "Bc4"]), new("Sicilian", []), new("O'Kelly; DROP TABLE sections", ["it's data"])]),
    ]);

    private IsolatedInfrastructure _infrastructure = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async ValueTask InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _dataSource = NpgsqlDataSource.Create(_infrastructure.PostgresConnectionString);
        await new DatabaseMigrator(_dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task Stores_courses_and_sections_in_plan_order_and_a_second_save_of_the_task_returns_the_first()
    {
        var userId = await NewUserAsync();
        var taskId = Guid.NewGuid();
        var writer = new LearningPathWriter(_dataSource);

        var (pathId, sections) = await writer.SaveAsync(taskId, userId, Goals, Plan, TestContext.Current.CancellationToken);

        Assert.Equal(["Board", "Pieces", "Italian", "Sicilian", "O'Kelly; DROP TABLE sections"], sections.Select(s => s.Title));
        Assert.Equal(["Rules", "Rules", "Openings", "Openings", "Openings"], sections.Select(s => s.CourseTitle));
        Assert.Equal(["knight", "bishop's diagonal"], sections[1].Keywords);
        Assert.Empty(sections[3].Keywords);

        var again = await writer.SaveAsync(taskId, userId, Goals, Plan, TestContext.Current.CancellationToken);
        Assert.Equal(pathId, again.LearningPathId);
        Assert.Equal(sections.Select(s => s.SectionId), again.Sections.Select(s => s.SectionId));

        await using var connection = await _dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var stored = await connection.QuerySingleAsync<(long Paths, long Courses, long Sections, long Owners)>(
            """
            SELECT (SELECT count(*) FROM learning_paths), (SELECT count(*) FROM courses), (SELECT count(*) FROM sections),
                   (SELECT count(*) FROM user_learning_paths WHERE user_id = @userId AND learning_path_id = @pathId)
            """, new { userId, pathId });
        Assert.Equal((1L, 2L, 5L, 1L), stored);
        var positions = (await connection.QueryAsync<(int Course, int Section)>(
            "SELECT c.position, s.position FROM sections s JOIN courses c ON c.id = s.course_id ORDER BY c.position, s.position")).ToList();
        Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)], positions);
    }

    private async Task<long> NewUserAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO users (email, username, password_hash) VALUES (@email, @email, 'x') RETURNING id",
            new { email = $"writer-{Guid.NewGuid():N}@example.com" });
    }
}
