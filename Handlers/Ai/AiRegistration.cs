using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenAI;
using Pipeline.Handlers.Ai.Offline;

namespace Pipeline.Handlers.Ai;

public static class AiRegistration
{
    /// <summary>The keyed <see cref="IChatClient"/> that talks to the provider itself (OpenAI SDK or offline), without middleware.</summary>
    public const string ProviderKey = "ai-provider";

    /// <summary>
    /// AI options (section <c>Ai</c>, validated at start), the provider's <see cref="IChatClient"/> (keyed
    /// <see cref="ProviderKey"/>), the <see cref="IChatClient"/> everything else uses and
    /// <see cref="ILearningContentGenerator"/>. A provider client registered under <see cref="ProviderKey"/> before this
    /// call (a test or benchmark fake) is kept, and still runs behind the whole pipeline:
    /// concurrency limit → cancel gate (<see cref="LlmCallPermission"/>) → OpenTelemetry → logging → provider-error
    /// translation → provider. Streaming goes through the same pipeline.
    /// </summary>
    public static IHostApplicationBuilder AddPipelineAi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiOptions>().Bind(builder.Configuration.GetSection(AiOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiOptions>, AiOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.TryAddKeyedSingleton<IChatClient>(ProviderKey, (services, _) =>
        {
            var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
            return options.EffectiveProvider == AiOptions.OpenAiProvider
                ? CreateOpenAiClient(options)
                : new OfflineChatClient(TimeSpan.FromMilliseconds(options.SimulatedLatencyMs));
        });

        builder.Services.AddChatClient(services => services.GetRequiredKeyedService<IChatClient>(ProviderKey))
            .Use((inner, services) => new ConcurrencyLimitingChatClient(inner, services.GetRequiredService<IOptions<AiOptions>>().Value.MaxConcurrency))
            .Use(inner => new LlmCallPermissionChatClient(inner))
            .UseOpenTelemetry()
            .UseLogging()
            .Use((inner, services) => new ProviderErrorChatClient(inner, services.GetRequiredService<TimeProvider>()));
        // The limiter is the pipeline's outermost client: whoever asks for it by type gets the whole pipeline too.
        builder.Services.TryAddSingleton(services => services.GetRequiredService<IChatClient>().GetService<ConcurrencyLimitingChatClient>()
            ?? throw new InvalidOperationException("The AI pipeline has no ConcurrencyLimitingChatClient."));

        builder.Services.TryAddSingleton<ILearningContentGenerator>(services => new LearningContentGenerator(
            services.GetRequiredService<IChatClient>(),
            services.GetRequiredService<IOptions<AiOptions>>(),
            services.GetRequiredService<ILogger<LearningContentGenerator>>()));
        return builder;
    }

    /// <summary>
    /// The OpenAI SDK's chat client for any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's /openai/v1, Ollama, vLLM,
    /// LM Studio), as an <see cref="IChatClient"/>. The SDK's own retries are off: the pipeline owns retry policy.
    /// </summary>
    private static IChatClient CreateOpenAiClient(AiOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        };
        // Local servers ignore the key, but the SDK insists on one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(options.Model).AsIChatClient();
    }
}
