using Dapper;
using Npgsql;

namespace Pipeline.Domain.LearningPaths;

using SummaryRow = (long Id, string Title, string Description, string DifficultyLevel, int EstimatedDays, string[] Interests, DateTime CreatedAt);

/// <summary>Reads paths for the API: one query per level, never one per row, and a whole path in one round trip.</summary>
public sealed class LearningPathReader(NpgsqlDataSource dataSource)
{
    private const string SummaryColumns = "p.id, p.title, p.description, p.difficulty_level, p.estimated_days, p.interests, p.created_at";

    public async Task<IReadOnlyList<LearningPathSummary>> ListForUserAsync(long userId, int skip, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SummaryRow>(
            $"""
            SELECT {SummaryColumns} FROM learning_paths p JOIN user_learning_paths u ON u.learning_path_id = p.id
            WHERE u.user_id = @userId ORDER BY p.created_at DESC, p.id DESC OFFSET @skip LIMIT @limit
            """, new { userId, skip, limit })).Select(ToSummary).ToList();
    }

    /// <summary>Whether the user may read the path (it is assigned to them).</summary>
    public async Task<bool?> IsAssignedAsync(long userId, long pathId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<bool?>(
            "SELECT EXISTS (SELECT 1 FROM user_learning_paths WHERE user_id = @userId AND learning_path_id = @pathId) FROM learning_paths WHERE id = @pathId",
            new { userId, pathId });
    }

    public async Task<LearningPathView?> GetAsync(long pathId, bool withCards, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Every level in one round trip: seed 000 answers with this right after the structure is saved.
        var sql = $"""
            SELECT {SummaryColumns} FROM learning_paths p WHERE p.id = @pathId;
            SELECT id, title, description FROM courses WHERE learning_path_id = @pathId ORDER BY position;
            SELECT id, course_id, title, keywords FROM sections WHERE learning_path_id = @pathId ORDER BY position;
            """;
        if (withCards)
            sql += """
                SELECT c.id, c.section_id, c.front, c.back FROM cards c JOIN sections s ON s.id = c.section_id
                WHERE s.learning_path_id = @pathId ORDER BY c.section_id, c.position;
                """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { pathId }, cancellationToken: cancellationToken));
        var row = await results.ReadSingleOrDefaultAsync<SummaryRow?>();
        if (row is null) return null;
        var path = ToSummary(row.Value);
        var courses = (await results.ReadAsync<(long Id, string Title, string Description)>()).ToList();
        var sections = (await results.ReadAsync<(long Id, long CourseId, string Title, string[] Keywords)>()).ToList();
        var cards = withCards
            ? (await results.ReadAsync<(long Id, long SectionId, string Front, string Back)>()).ToLookup(c => c.SectionId)
            : null;

        var sectionsByCourse = sections.ToLookup(s => s.CourseId);
        return new LearningPathView(path, courses.Select(c => new CourseOutline(c.Id, c.Title, c.Description,
            sectionsByCourse[c.Id].Select(s => new SectionOutline(s.Id, s.Title, s.Keywords,
                cards?[s.Id].Select(card => new CardView(card.Id, card.Front, card.Back)).ToList())).ToList())).ToList());
    }

    // Dapper maps value tuples by position; its constructor mapping would refuse text[] (reported as System.Array).
    private static LearningPathSummary ToSummary(SummaryRow r) =>
        new(r.Id, r.Title, r.Description, r.DifficultyLevel, r.EstimatedDays, r.Interests, r.CreatedAt);
}
