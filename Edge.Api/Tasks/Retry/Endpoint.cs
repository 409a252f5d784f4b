using FastEndpoints;
using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Messages.LearningPaths;

namespace Pipeline.Edge.Api.Tasks.Retry;

/// <summary>
/// Runs a failed or timed-out task again from the stage it stopped at (202). A retry is AI work: it counts against the
/// caller's AI limit, and one task may be retried only <see cref="TaskRetryOptions.MaxRetriesPerTask"/> times (409
/// beyond), each retry waiting twice as long after the previous one as that one did (429 with Retry-After sooner).
/// </summary>
public sealed class Endpoint(TaskStore tasks, ISendEndpointProvider sendEndpoints, IOptions<TaskRetryOptions> options)
    : Endpoint<TaskRequest, TaskCommandAccepted>
{
    public override void Configure()
    {
        Post("/api/tasks/{task_id}/retry");
        PreProcessor<AiRateLimit<TaskRequest>>();
        Description(d => d.WithTags("Tasks").ClearDefaultAccepts().Produces<TaskCommandAccepted>(StatusCodes.Status202Accepted)
            .Failures(401, 403, 404, 409, 429));
    }

    public override async Task HandleAsync(TaskRequest request, CancellationToken ct)
    {
        var task = await tasks.FindOwnAsync(request.TaskId, User, ct);
        var limits = options.Value;
        var admission = await tasks.AdmitRetryAsync(request.TaskId, limits.MaxRetriesPerTask, TimeSpan.FromSeconds(limits.FirstGapSeconds), ct);
        switch (admission.Verdict)
        {
            case RetryVerdict.NotRetryable:
                throw ApiException.Conflict($"Only failed or timed-out tasks can be retried; this one is {admission.Status}");
            case RetryVerdict.TooManyRetries:
                throw ApiException.Conflict($"This task has been retried {admission.RetryCount} times, the most allowed; start a new one instead.");
            case RetryVerdict.TooSoon:
                throw ApiException.TooManyRequests($"This task was retried moments ago; try again in {admission.WaitSeconds} s.", admission.WaitSeconds);
        }
        await sendEndpoints.SendToSagaAsync(new RetryLearningPathTask(task.CorrelationId), ct);
        HttpContext.Response.Headers.Location = TaskCommands.StatusUrl(request.TaskId);
        await Send.ResponseAsync(new TaskCommandAccepted(request.TaskId, "retry_requested"), StatusCodes.Status202Accepted, ct);
    }
}
