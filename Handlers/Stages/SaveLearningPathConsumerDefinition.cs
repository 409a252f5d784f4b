using Microsoft.Extensions.Options;
using Pipeline.Messages;

namespace Pipeline.Handlers.Stages;

public sealed class SaveLearningPathConsumerDefinition(IOptions<StageRetryOptions> retry)
    : StageConsumerDefinition<SaveLearningPathConsumer>(QueueNames.SaveLearningPath, retry);
