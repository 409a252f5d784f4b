using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Tasks;
using Pipeline.Messages;
using Pipeline.Messages.LearningPaths;

namespace Pipeline.Handlers.Recovery;

/// <summary>
/// Sends <see cref="GenerateLearningPath"/> again for a task that is still pending with no saga instance well after its
/// command was sent.
/// <para>
/// The edge records the task, then sends the command; the broker confirms it. Found by the fault-injection suite
/// (tests/Reliability): while RabbitMQ restarts, a confirmed command can still be lost (37 of 100 tasks of a batch were
/// accepted with 202 and stayed "pending" forever, no saga ever saw them), and nothing else would ever start them: the
/// saga's stage timeout only watches tasks it knows. The task row is the durable record of the request, so the command
/// is sent again from it. That is safe: the saga creates a task once and ignores a second GenerateLearningPath.
/// </para>
/// Several Handlers instances run this side by side: rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> and stamped.
/// </summary>
public sealed class UnstartedTaskResender(TaskStore tasks, IBus bus, IOptions<RecoveryOptions> options,
    ILogger<UnstartedTaskResender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.UnstartedTaskResendSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.CheckEverySeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var resent = await ResendAsync(settings.UnstartedTaskResendSeconds, stoppingToken);
                    if (resent > 0)
                        logger.LogWarning("Sent GenerateLearningPath again for {Count} task(s) still pending with no saga {Seconds} s after it was sent",
                            resent, settings.UnstartedTaskResendSeconds);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Checking for unstarted tasks failed; trying again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: returns how many commands were sent again.</summary>
    public Task<int> ResendAsync(int resendAfterSeconds, CancellationToken cancellationToken) =>
        tasks.ResendUnstartedAsync(resendAfterSeconds, async unstarted =>
        {
            var endpoint = await bus.GetSendEndpoint(QueueNames.Address(QueueNames.LearningPathSaga));
            foreach (var task in unstarted)
                await endpoint.Send(new GenerateLearningPath(task.CorrelationId, task.UserId, task.Prompt), cancellationToken);
        }, cancellationToken);
}
