using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using Pipeline.Tests.Fakes;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// The LLM answers a quarter of its calls, repairs included, with malformed or schema-violating JSON (see
/// <see cref="BrokenAnswers"/>). Each invalid answer goes back to the model with its errors (Ai:MaxRepairs = 2); an
/// operation whose three answers are all invalid fails its stage, and the learner's Retry resumes it.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class Malformed_LLM_output_during_a_batch(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_task_completes_and_nothing_of_an_invalid_answer_is_stored()
    {
        var random = new Random(25);
        var randomLock = new Lock();
        var broken = new ConcurrentDictionary<string, int>();
        var callsBefore = fixture.Ai.CallCount;
        fixture.Ai.Behaviour = request =>
        {
            double roll;
            int kind;
            lock (randomLock) (roll, kind) = (random.NextDouble(), random.Next(BrokenAnswers.Kinds.Length));
            if (roll >= 0.25) return FakeChatReply.Valid();
            broken.AddOrUpdate(BrokenAnswers.Kinds[kind], 1, (_, n) => n + 1);
            return BrokenAnswers.For(request, BrokenAnswers.Kinds[kind]);
        };
        try
        {
            var outcome = await GenerationBatch.RunAsync(fixture, output, FaultNames.MalformedLlmOutput, (batch, _) =>
            {
                batch.StruckAt(batch.Progress);
                return Task.CompletedTask;
            }, verify: async batch =>
            {
                var calls = fixture.Ai.CallCount - callsBefore;
                batch.Note($"{broken.Values.Sum()} of {calls} LLM answers were invalid: " +
                    string.Join(", ", broken.OrderBy(b => b.Key).Select(b => $"{b.Value} × {b.Key}")));
                var stored = await MarkedTextStoredAsync(batch.Tasks.Select(t => t.TaskId).ToArray());
                return stored > 0 ? [$"{stored} stored texts come from invalid answers (contain {BrokenAnswers.Marker})"] : [];
            });
            outcome.AssertInvariants();
        }
        finally
        {
            fixture.Ai.Behaviour = _ => FakeChatReply.Valid();
        }
    }

    /// <summary>Every text the batch stored (paths, courses, sections, keywords, cards) that carries the broken answers' marker.</summary>
    private async Task<int> MarkedTextStoredAsync(string[] ids)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.ExecuteScalarAsync<int>(
            """
            WITH paths AS (
                SELECT p.* FROM learning_paths p JOIN user_tasks t ON p.created_by_task = t.correlation_id WHERE t.task_id = ANY(@ids))
            SELECT (SELECT count(*) FROM paths WHERE title || description || array_to_string(interests, ' ') LIKE @pattern)
                 + (SELECT count(*) FROM courses c JOIN paths p ON c.learning_path_id = p.id WHERE c.title || c.description LIKE @pattern)
                 + (SELECT count(*) FROM sections s JOIN paths p ON s.learning_path_id = p.id WHERE s.title || array_to_string(s.keywords, ' ') LIKE @pattern)
                 + (SELECT count(*) FROM cards c JOIN sections s ON c.section_id = s.id JOIN paths p ON s.learning_path_id = p.id
                    WHERE c.front || c.back LIKE @pattern)
            """, new { ids, pattern = $"%{BrokenAnswers.Marker}%" });
    }
}
