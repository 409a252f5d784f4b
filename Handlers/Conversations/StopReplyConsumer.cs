using MassTransit;
using Pipeline.Messages.Conversations;

namespace Pipeline.Handlers.Conversations;

/// <summary>Every worker instance hears <see cref="StopReply"/> (a temporary queue each); the one generating it stops.</summary>
public sealed class StopReplyConsumer(ReplyCancellations cancellations, ILogger<StopReplyConsumer> logger) : IConsumer<StopReply>
{
    public Task Consume(ConsumeContext<StopReply> context)
    {
        var stopped = cancellations.Stop(context.Message.ConversationId);
        if (stopped > 0) logger.LogInformation("Stopped {Count} reply(ies) in conversation {ConversationId}", stopped, context.Message.ConversationId);
        return Task.CompletedTask;
    }
}
