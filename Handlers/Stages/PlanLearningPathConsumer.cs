using MassTransit;
using Pipeline.Domain.Tasks;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Stages;

namespace Pipeline.Handlers.Stages;

public sealed class PlanLearningPathConsumer(ILearningContentGenerator generator, TaskCancellation cancellation) : IConsumer<PlanLearningPath>
{
    public async Task Consume(ConsumeContext<PlanLearningPath> context)
    {
        var command = context.Message;
        var result = await cancellation.UnlessCanceledAsync(command.TaskId, () => generator.PlanPathAsync(command.Prompt, command.Goals, context.CancellationToken));
        if (result is null) return;
        await context.Publish(new LearningPathPlanned(command.TaskId, result.Value, result.Usage.ToMessage()));
    }
}
