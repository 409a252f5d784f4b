using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Handlers.Ai.Offline;

namespace Pipeline.Handlers.Ai;

public static class AiRegistration
{
    /// <summary>
    /// AI options (section <c>Ai</c>, validated at start), the <see cref="IChatClient"/> of the configured provider and
    /// <see cref="ILearningContentGenerator"/>. An <see cref="IChatClient"/> registered before this call (a test or
    /// benchmark fake) is kept. Whichever client it is, the generator reaches it through the
    /// <see cref="ConcurrencyLimitingChatClient"/>, so the per-process bound holds for fakes as well.
    /// </summary>
    public static IHostApplicationBuilder AddPipelineAi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiOptions>().Bind(builder.Configuration.GetSection(AiOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiOptions>, AiOptionsValidator>());

        builder.Services.TryAddSingleton<IChatClient>(services =>
        {
            var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
            return options.EffectiveProvider == AiOptions.OpenAiProvider
                ? new OpenAiCompatibleChatClient(options)
                : new OfflineChatClient(TimeSpan.FromMilliseconds(options.SimulatedLatencyMs));
        });
        builder.Services.TryAddSingleton<ConcurrencyLimitingChatClient>(services => new ConcurrencyLimitingChatClient(
            services.GetRequiredService<IChatClient>(), services.GetRequiredService<IOptions<AiOptions>>().Value.MaxConcurrency));
        builder.Services.TryAddSingleton<ILearningContentGenerator>(services => new LearningContentGenerator(
            services.GetRequiredService<ConcurrencyLimitingChatClient>(),
            services.GetRequiredService<IOptions<AiOptions>>(),
            services.GetRequiredService<ILogger<LearningContentGenerator>>()));
        return builder;
    }
}
