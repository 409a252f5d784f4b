using MassTransit;

namespace Pipeline.Bench;

/// <summary>
/// Passes a <see cref="ChainHop"/> on through the broker, one send per hop, like a saga handing a command to a stage and
/// the stage answering; the last receive ends the chain. No database and no work: the bus's own latency per hop.
/// </summary>
public sealed class ChainHopConsumer(ChainWaits waits) : IConsumer<ChainHop>
{
    public async Task Consume(ConsumeContext<ChainHop> context)
    {
        var hop = context.Message;
        if (hop.Remaining == 0)
        {
            waits.Complete(hop.ChainId);
            return;
        }
        var next = await context.GetSendEndpoint(context.ReceiveContext.InputAddress);
        await next.Send(hop with { Remaining = hop.Remaining - 1 }, context.CancellationToken);
    }
}
