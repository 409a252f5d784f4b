using Microsoft.Extensions.Options;
using Pipeline.Messages;

namespace Pipeline.Handlers.Stages;

public sealed class PlanLearningPathConsumerDefinition(IOptions<StageRetryOptions> retry)
    : StageConsumerDefinition<PlanLearningPathConsumer>(QueueNames.PlanLearningPath, retry);
