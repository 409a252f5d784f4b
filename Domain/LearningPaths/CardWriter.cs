using Dapper;
using Npgsql;
using Pipeline.Messages.Content;

namespace Pipeline.Domain.LearningPaths;

/// <summary>Stores a section's cards. Positions are unique per section, so a second delivery adds nothing.</summary>
public sealed class CardWriter(NpgsqlDataSource dataSource)
{
    public async Task<int> CountAsync(long sectionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM cards WHERE section_id = @sectionId", new { sectionId });
    }

    /// <returns>How many cards the section has now.</returns>
    public async Task<int> SaveAsync(long sectionId, IReadOnlyList<CardContent> cards, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO cards (section_id, position, front, back)
            SELECT @sectionId, p, f, b FROM unnest(@Positions, @Fronts, @Backs) AS t(p, f, b)
            ON CONFLICT (section_id, position) DO NOTHING
            """,
            new
            {
                sectionId,
                Positions = Enumerable.Range(0, cards.Count).ToArray(),
                Fronts = cards.Select(c => c.Front).ToArray(),
                Backs = cards.Select(c => c.Back).ToArray(),
            });
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM cards WHERE section_id = @sectionId", new { sectionId });
    }
}
