using MassTransit;
using Pipeline.Domain.LearningPaths;
using Pipeline.Messages.Stages;

namespace Pipeline.Handlers.Stages;

/// <summary>Saves the planned path and assigns it to the user; a redelivery finds the first save.</summary>
public sealed class SaveLearningPathConsumer(LearningPathWriter writer) : IConsumer<SaveLearningPath>
{
    public async Task Consume(ConsumeContext<SaveLearningPath> context)
    {
        var command = context.Message;
        var (pathId, sections) = await writer.SaveAsync(command.TaskId, command.UserId, command.Goals, command.Plan, context.CancellationToken);
        await context.Publish(new LearningPathSaved(command.TaskId, pathId, sections));
    }
}
