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
        var result = await cancellation.UnlessCanceledAsync(command.TaskId, () => generator.ExtractGoalsAsync(command.Prompt, context.CancellationToken));
        if (result is null) return;
        await context.Publish(new LearningGoalsExtracted(command.TaskId, result.Value, result.Usage.ToMessage()));
    }
}
