using Dapper;
using Npgsql;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>
/// Finds learning-path sagas in a running state whose stage timer was lost (Handlers/Recovery/StageTimerWatchdog fires
/// them): no saga update and no progress for <c>quietSeconds</c>, and no row for the saga's timer token in
/// <c>scheduled_messages</c>. Kept beside the saga because it reads the saga's stored state: states and JSON properties
/// are named from the state machine and <see cref="LearningPathState"/>, so a rename cannot silently break it.
/// </summary>
public sealed class LostStageTimers(NpgsqlDataSource dataSource)
{
    private static readonly string[] RunningStates =
    [
        nameof(LearningPathStateMachine.ExtractingGoals), nameof(LearningPathStateMachine.PlanningStructure),
        nameof(LearningPathStateMachine.SavingStructure), nameof(LearningPathStateMachine.GeneratingCards),
    ];

    private const string Query = $"""
        SELECT s.correlation_id FROM saga_instances s
        WHERE s.current_state = ANY(@RunningStates)
          AND s.updated_at < now() - make_interval(secs => @quietSeconds)
          AND (s.data->>'{nameof(LearningPathState.LastProgressAt)}')::timestamptz < now() - make_interval(secs => @quietSeconds)
          AND NOT EXISTS (SELECT 1 FROM scheduled_messages m WHERE m.token_id = (s.data->>'{nameof(LearningPathState.StageTimeoutTokenId)}')::uuid)
        ORDER BY s.updated_at
        LIMIT 100
        """;

    /// <summary>The tasks (saga correlation ids) whose timer was lost, oldest update first, at most 100.</summary>
    public async Task<IReadOnlyList<Guid>> FindAsync(double quietSeconds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(Query, new { RunningStates, quietSeconds },
            cancellationToken: cancellationToken))).ToList();
    }
}
