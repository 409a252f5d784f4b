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
        // One round trip; the count is its own statement, so it sees rows a concurrent delivery committed meanwhile.
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand(
            """
            INSERT INTO cards (section_id, position, front, back)
            SELECT $1, p, f, b FROM unnest($2::int[], $3::text[], $4::text[]) AS t(p, f, b)
            ON CONFLICT (section_id, position) DO NOTHING
            """);
        object[] values = [sectionId, Enumerable.Range(0, cards.Count).ToArray(), cards.Select(c => c.Front).ToArray(), cards.Select(c => c.Back).ToArray()];
        foreach (var value in values)
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        var count = new NpgsqlBatchCommand("SELECT count(*)::int FROM cards WHERE section_id = $1");
        count.Parameters.Add(new NpgsqlParameter { Value = sectionId });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(count);
        return (int)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }
}
