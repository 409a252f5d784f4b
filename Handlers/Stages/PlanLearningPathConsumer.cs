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
        if (await cancellation.IsCanceledAsync(command.TaskId, context.CancellationToken)) return;
        var result = await generator.PlanPathAsync(command.Prompt, command.Goals, context.CancellationToken);
        await context.Publish(new LearningPathPlanned(command.TaskId, result.Value, result.Usage.ToMessage()));
    }
}
