using MassTransit;
using Pipeline.Domain.Tasks;
using Pipeline.Messages;
using Pipeline.Messages.Stages;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>Sends the command(s) of the stage the task is in: on entry, on a retry, and when a stage timed out.</summary>
public static class StageCommands
{
    public static async Task SendAsync<T>(BehaviorContext<LearningPathState, T> context) where T : class
    {
        var saga = context.Saga;
        switch (saga.Stage)
        {
            case TaskStages.ExtractingGoals:
                await SendAsync(context, QueueNames.ExtractLearningGoals, new ExtractLearningGoals(saga.CorrelationId, saga.Prompt, saga.Attempt));
                break;
            case TaskStages.PlanningPathStructure:
                await SendAsync(context, QueueNames.PlanLearningPath, new PlanLearningPath(saga.CorrelationId, saga.Prompt, saga.Goals!, saga.Attempt));
                break;
            case TaskStages.SavingStructure:
                await SendAsync(context, QueueNames.SaveLearningPath, new SaveLearningPath(saga.CorrelationId, saga.UserId, saga.Prompt, saga.Goals!, saga.Plan!, saga.Attempt));
                break;
            case TaskStages.GeneratingCards:
                // Fan out: one command per section still without cards, consumed by many workers at once.
                var endpoint = await context.GetSendEndpoint(QueueNames.Address(QueueNames.GenerateSectionCards));
                var commands = saga.Sections
                    .Where(s => !saga.CardsBySection.ContainsKey(s.SectionId))
                    .Select(s => new GenerateSectionCards(saga.CorrelationId, saga.LearningPathId!.Value, s.SectionId, saga.PathTitle ?? "",
                        s.CourseTitle, s.Title, s.Keywords, saga.Goals!.DifficultyLevel, saga.CardsPerSection, saga.Attempt))
                    .ToList();
                await endpoint.SendBatch(commands, context.CancellationToken);
                break;
        }
    }

    private static async Task SendAsync<T, TCommand>(BehaviorContext<LearningPathState, T> context, string queue, TCommand command)
        where T : class where TCommand : class
    {
        var endpoint = await context.GetSendEndpoint(QueueNames.Address(queue));
        await endpoint.Send(command, context.CancellationToken);
    }
}
