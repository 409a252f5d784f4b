using MassTransit;
using Pipeline.Domain.Tasks;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Stages;

namespace Pipeline.Handlers.Stages;

public sealed class ExtractLearningGoalsConsumer(ILearningContentGenerator generator, TaskCancellation cancellation) : IConsumer<ExtractLearningGoals>
{
    public async Task Consume(ConsumeContext<ExtractLearningGoals> context)
    {
        var command = context.Message;
        if (await cancellation.IsCanceledAsync(command.TaskId, context.CancellationToken)) return;
        var result = await generator.ExtractGoalsAsync(command.Prompt, context.CancellationToken);
        await context.Publish(new LearningGoalsExtracted(command.TaskId, result.Value, result.Usage.ToMessage()));
    }
}
