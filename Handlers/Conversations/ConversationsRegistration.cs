using MassTransit;

namespace Pipeline.Handlers.Conversations;

public static class ConversationsRegistration
{
    /// <summary>The reply worker (queue generate-reply) and the stop listener (a temporary queue per process).</summary>
    public static IBusRegistrationConfigurator AddConversationWorkers(this IBusRegistrationConfigurator bus)
    {
        bus.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        bus.AddSingleton<ReplyCancellations>();
        bus.AddSingleton<ReplyPromptBuilder>();
        bus.AddSingleton<RealtimeChatFeed>();
        bus.AddConsumer<GenerateReplyConsumer, GenerateReplyConsumerDefinition>();
        bus.AddConsumer<StopReplyConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = "stop-reply";
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
        return bus;
    }
}
