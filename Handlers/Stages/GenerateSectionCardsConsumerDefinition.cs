using Microsoft.Extensions.Options;
using Pipeline.Messages;

namespace Pipeline.Handlers.Stages;

public sealed class GenerateSectionCardsConsumerDefinition(IOptions<StageRetryOptions> retry)
    : StageConsumerDefinition<GenerateSectionCardsConsumer>(QueueNames.GenerateSectionCards, retry, retry.Value.CardConcurrency);
