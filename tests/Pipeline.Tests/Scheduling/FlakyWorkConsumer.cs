using MassTransit;

namespace Pipeline.Tests.Scheduling;

/// <summary>Fails until its message has been redelivered <see cref="FailuresBeforeSuccess"/> times.</summary>
public sealed class FlakyWorkConsumer(AttemptLog log) : IConsumer<FlakyWork>
{
    public const int FailuresBeforeSuccess = 2;

    public Task Consume(ConsumeContext<FlakyWork> context)
    {
        var redeliveryCount = context.GetRedeliveryCount();
        var succeeds = redeliveryCount >= FailuresBeforeSuccess;
        // Redelivery sends a copy with a new message id and points back to the first one.
        var originalMessageId = context.Headers.Get<string>("MT-OriginalMessageId") ?? context.MessageId?.ToString();
        log.Attempts.Enqueue(new AttemptLog.Attempt(context.Message.WorkId, originalMessageId, redeliveryCount, succeeds));
        return succeeds ? Task.CompletedTask : throw new InvalidOperationException("Not yet");
    }
}
