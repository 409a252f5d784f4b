using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Messages;

namespace Pipeline.Handlers.Voice;

/// <summary>The <c>transcribe-speech</c> queue: each message runs engine processes, so only a few at once (<c>Speech:MaxConcurrency</c>).</summary>
public sealed class TranscribeSpeechConsumerDefinition : ConsumerDefinition<TranscribeSpeechConsumer>
{
    public TranscribeSpeechConsumerDefinition(IOptions<SpeechOptions> options)
    {
        EndpointName = QueueNames.TranscribeSpeech;
        ConcurrentMessageLimit = options.Value.MaxConcurrency;
    }
}
