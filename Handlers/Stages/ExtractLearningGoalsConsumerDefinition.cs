using Microsoft.Extensions.Options;
using Pipeline.Messages;

namespace Pipeline.Handlers.Stages;

public sealed class ExtractLearningGoalsConsumerDefinition(IOptions<StageRetryOptions> retry)
    : StageConsumerDefinition<ExtractLearningGoalsConsumer>(QueueNames.ExtractLearningGoals, retry);
