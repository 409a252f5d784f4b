using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Faults;

/// <summary>
/// A worker killed right after a saga transition committed, before its outbox sent the stage command and scheduled the
/// stage timer: both are lost, and the timer was what would have re-sent the command. Found by the fault-injection
/// suite (tasks stuck "running" with no timer while workers were killed every few seconds). Handlers fires the timer of
/// such a task itself, and the task goes on.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class A_stage_timer_lost_with_its_worker(PipelineFixture fixture)
{
    [Fact]
    public async Task Is_fired_anyway_and_the_task_completes()
    {
        var learner = await fixture.SignUpAsync();
        var taskId = (await (await learner.Client.GenerateInBackgroundAsync("I want to learn chess in 10 days")).JsonAsync()).GetProperty("task_id").GetString()!;
        await learner.Client.WaitForStatusAsync(taskId, TimeSpan.FromSeconds(60), "completed");
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        var correlationId = await connection.ExecuteScalarAsync<Guid>("SELECT correlation_id FROM user_tasks WHERE task_id = @taskId", new { taskId });

        // Back to the moment the saga entered planning and committed, ten minutes ago, with a timer token whose
        // ScheduleMessage never reached the scheduler (and a plan command that never reached a worker).
        var rewound = await connection.ExecuteAsync(
            """
            UPDATE saga_instances
            SET current_state = 'PlanningStructure', updated_at = now() - interval '10 minutes',
                data = data || jsonb_build_object('CurrentState', 'PlanningStructure', 'Stage', 'planning_path_structure', 'Status', 'running', 'EndedAt', NULL,
                    'LastProgressAt', now() - interval '10 minutes', 'StageTimeoutTokenId', gen_random_uuid(), 'StageResends', 0)
            WHERE correlation_id = @correlationId;
            UPDATE user_tasks SET status = 'running', stage = 'planning_path_structure', ended_at = NULL WHERE correlation_id = @correlationId;
            """, new { correlationId });
        Assert.Equal(2, rewound);

        await Eventually.HoldsAsync(async () => await connection.ExecuteScalarAsync<string>(
                "SELECT current_state FROM saga_instances WHERE correlation_id = @correlationId", new { correlationId }) == "Completed",
            TimeSpan.FromSeconds(60), "the saga to complete the task again");
        Assert.Equal("completed", await connection.ExecuteScalarAsync<string>("SELECT status FROM user_tasks WHERE task_id = @taskId", new { taskId }));
    }
}
