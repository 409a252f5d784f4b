using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Messages;
using Pipeline.Messages.Stages;
using Pipeline.Sagas.LearningPaths;

namespace Pipeline.Handlers.Recovery;

/// <summary>
/// Fires the stage timer of a running task whose timer was lost.
/// <para>
/// A saga transition commits its state, then its in-memory outbox sends the stage command and schedules the stage
/// timer (ScheduleMessage to the scheduler queue). A worker killed between the commit and those sends loses both: the
/// stage timer exists to re-send a lost command, but it was lost with it, and the task stays "running" forever. Found
/// by the fault-injection suite (tests/Reliability): 3 of 100 tasks, with workers killed every few seconds, stuck in
/// extracting_goals or saving_structure with no scheduled timer. MassTransit's durable outbox would close the gap, but
/// only its EF/Mongo integrations have one (not served here).
/// </para>
/// <para>
/// So a task in a running state with no progress for twice <see cref="LearningPathOptions.StageTimeoutSeconds"/>, no
/// saga update for as long, and no row for its timer token in <c>scheduled_messages</c> gets a <see cref="StageTimedOut"/>
/// now: the saga treats it as its timer (re-sends the stage, or times the task out after its re-sends, and schedules a
/// new timer). A timer that does exist is never doubled; a duplicate is harmless anyway (stages are idempotent).
/// </para>
/// </summary>
public sealed class StageTimerWatchdog(LostStageTimers lostTimers, IBus bus, IOptions<LearningPathOptions> stages,
    IOptions<RecoveryOptions> options, ILogger<StageTimerWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckEverySeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var fired = await FireLostTimersAsync(stoppingToken);
                    if (fired > 0)
                        logger.LogWarning("Fired the stage timer of {Count} running task(s) whose timer was lost", fired);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Checking for lost stage timers failed; trying again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: returns how many lost timers were fired.</summary>
    public async Task<int> FireLostTimersAsync(CancellationToken cancellationToken)
    {
        var quiet = 2.0 * stages.Value.StageTimeoutSeconds;
        var lost = await lostTimers.FindAsync(quiet, cancellationToken);
        if (lost.Count == 0) return 0;
        var saga = await bus.GetSendEndpoint(QueueNames.Address(QueueNames.LearningPathSaga));
        foreach (var taskId in lost)
            await saga.Send(new StageTimedOut(taskId), cancellationToken);
        return lost.Count;
    }
}
