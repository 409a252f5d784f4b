using MassTransit;
using Pipeline.Domain.Tasks;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Content;
using Pipeline.Messages.Stages;

namespace Pipeline.Handlers.Stages;

public sealed class ExtractLearningGoalsConsumer(ILearningContentGenerator generator, TaskCancellation cancellation) : IConsumer<ExtractLearningGoals>
{
    public async Task Consume(ConsumeContext<ExtractLearningGoals> context)
    {
        var command = context.Message;
        AiResult<LearningGoals>? result;
        try
        {
            result = await cancellation.UnlessCanceledAsync(command.TaskId, () => generator.ExtractGoalsAsync(command.Prompt, context.CancellationToken));
        }
        catch (AiPermanentException e) when (e.IsUserError)
        {
            // A prompt without a learning goal is the user's to fix: a final outcome for the saga, not a fault for
            // operations (no retry, no error-queue message, no failed-message row).
            await context.Publish(new LearningGoalsNotFound(command.TaskId, e.Message, e.Usage?.ToMessage() ?? LlmUsage.None));
            return;
        }
        if (result is null) return;
        await context.Publish(new LearningGoalsExtracted(command.TaskId, result.Value, result.Usage.ToMessage()));
    }
}
