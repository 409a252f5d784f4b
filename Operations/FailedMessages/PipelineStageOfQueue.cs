using Pipeline.Domain.Tasks;
using Pipeline.Messages;

namespace Pipeline.Operations.FailedMessages;

/// <summary>Which task stage a pipeline queue serves (null for queues outside the stages, e.g. the saga's).</summary>
public static class PipelineStageOfQueue
{
    public static string? Of(string queue) => queue switch
    {
        QueueNames.ExtractLearningGoals => TaskStages.ExtractingGoals,
        QueueNames.PlanLearningPath => TaskStages.PlanningPathStructure,
        QueueNames.SaveLearningPath => TaskStages.SavingStructure,
        QueueNames.GenerateSectionCards => TaskStages.GeneratingCards,
        _ => null,
    };
}
