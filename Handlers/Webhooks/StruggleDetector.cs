using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Webhooks;
using Pipeline.Messages.Learning;
using Pipeline.Messages.Webhooks;

namespace Pipeline.Handlers.Webhooks;

/// <summary>
/// The <c>user.struggled</c> rule: <see cref="WebhookOptions.StruggledAfterFailures"/> failed submissions (3 by default)
/// on one concept within <see cref="WebhookOptions.StruggleWindow"/> (a day) publish <see cref="UserStruggled"/>, at
/// most once per learner and concept per window.
/// </summary>
public sealed class StruggleDetector(StruggleStore struggles, IOptions<WebhookOptions> options) : IConsumer<ExerciseSubmitted>
{
    public async Task Consume(ConsumeContext<ExerciseSubmitted> context)
    {
        var m = context.Message;
        if (m.Passed) return;
        var settings = options.Value;
        if (await struggles.RecordFailureAsync(m.UserId, m.ConceptId, m.ExerciseId, m.SubmittedAt, m.Score, settings.StruggledAfterFailures,
                settings.StruggleWindow, context.CancellationToken) is { } failures)
            await context.Publish(new UserStruggled(m.UserId, m.ConceptId, failures, m.Score, m.SubmittedAt), context.CancellationToken);
    }
}
