using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Messages;

namespace Pipeline.Handlers.Voice;

/// <summary>The <c>synthesize-speech</c> queue: each message runs engine processes, so only a few at once (<c>Speech:MaxConcurrency</c>).</summary>
public sealed class SynthesizeSpeechConsumerDefinition : ConsumerDefinition<SynthesizeSpeechConsumer>
{
    public SynthesizeSpeechConsumerDefinition(IOptions<SpeechOptions> options)
    {
        EndpointName = QueueNames.SynthesizeSpeech;
        ConcurrentMessageLimit = options.Value.MaxConcurrency;
    }
}
