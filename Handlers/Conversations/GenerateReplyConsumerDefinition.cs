using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Handlers.Ai;
using Pipeline.Messages;

namespace Pipeline.Handlers.Conversations;

/// <summary>The <c>generate-reply</c> queue: transient model and database failures retry in process a few times.</summary>
public sealed class GenerateReplyConsumerDefinition : ConsumerDefinition<GenerateReplyConsumer>
{
    private readonly ConversationOptions _options;

    public GenerateReplyConsumerDefinition(IOptions<ConversationOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.GenerateReply;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<GenerateReplyConsumer> consumer,
        IRegistrationContext context)
    {
        endpoint.UseMessageRetry(r =>
        {
            r.Intervals(Enumerable.Range(1, _options.TransientRetries).Select(i => TimeSpan.FromMilliseconds(200 * i)).ToArray());
            r.Handle<AiTransientException>();
            r.Handle<HttpRequestException>();
            r.Handle<TimeoutException>();
            r.Handle<NpgsqlException>(e => e.IsTransient);
        });
    }
}
