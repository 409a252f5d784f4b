using Dapper;
using MassTransit;
using Npgsql;
using Pipeline.Domain.Tasks;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Faults;

/// <summary>
/// "Accepted means it will run." The edge records a task, then sends its command; found by the fault-injection suite,
/// a command confirmed by a restarting RabbitMQ can still be lost, and the task then stayed pending forever. The
/// Handlers host sends the command again for a task still pending, with no saga, well after it was sent.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class A_generation_command_lost_on_the_way(PipelineFixture fixture)
{
    [Fact]
    public async Task Is_sent_again_and_the_task_completes()
    {
        var learner = await fixture.SignUpAsync();
        var correlationId = NewId.NextGuid();
        var taskId = TaskIds.PublicId(learner.Id, correlationId);
        // What the edge leaves behind when its command never reached the saga: the task row, and nothing else.
        await using (var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString))
            await connection.ExecuteAsync(
                """
                INSERT INTO user_tasks (task_id, correlation_id, user_id, status, stage, prompt, created_at, updated_at)
                VALUES (@taskId, @correlationId, @Id, 'pending', 'initializing', 'I want to learn chess in 10 days',
                        now() - interval '1 minute', now() - interval '1 minute')
                """, new { taskId, correlationId, learner.Id });

        var done = await learner.Client.WaitForStatusAsync(taskId, TimeSpan.FromSeconds(60), "completed");

        Assert.True(done.GetProperty("total_items").GetInt32() > 0);
    }
}
