using MassTransit;
using Pipeline.Messages;
using Pipeline.Messages.Conversations;

namespace Pipeline.Edge.Api.Conversations;

public static class ConversationEdgeRegistration
{
    /// <summary><see cref="ConversationReplies"/> and the request client it waits for replies with.</summary>
    public static IBusRegistrationConfigurator AddConversationReplies(this IBusRegistrationConfigurator bus)
    {
        bus.AddOptions<ConversationClientOptions>().BindConfiguration(ConversationClientOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        bus.AddScoped<ConversationReplies>();
        bus.AddRequestClient<GenerateReply>(QueueNames.Address(QueueNames.GenerateReply));
        return bus;
    }
}
