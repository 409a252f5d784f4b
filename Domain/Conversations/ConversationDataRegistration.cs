using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Domain.Conversations;

public static class ConversationDataRegistration
{
    /// <summary>The conversation store and the reply event channel, which both hosts use.</summary>
    public static IServiceCollection AddConversationStore(this IServiceCollection services)
    {
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ReplyEventChannel>();
        return services;
    }
}
