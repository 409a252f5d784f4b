using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Resources;

/// <summary>Seed 004 resources in the worker: the embedding generator, the starter catalogue, embedding and recommending consumers.</summary>
public static class ResourcesRegistration
{
    public static IHostApplicationBuilder AddResourceWork(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResourceOptions>().BindConfiguration(ResourceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(services =>
        {
            var ai = services.GetRequiredService<IOptions<AiOptions>>().Value;
            var options = services.GetRequiredService<IOptions<ResourceOptions>>().Value;
            var provider = options.EmbeddingProvider?.Trim().ToLowerInvariant()
                ?? (ai.EffectiveProvider == AiOptions.OpenAiProvider && !string.IsNullOrWhiteSpace(ai.Endpoint) ? "openai" : "local");
            return provider == "openai"
                ? new OpenAiEmbeddingGenerator(ai, options.OpenAiEmbeddingModel)
                : new MiniLmEmbeddingGenerator(options.ResolveModelDirectory(), TimeSpan.FromMinutes(options.ModelIdleMinutes));
        });
        builder.Services.AddSingleton<ResourceEmbedder>();
        builder.Services.AddHostedService<StarterCatalogueLoader>();
        return builder;
    }

    public static IBusRegistrationConfigurator AddResourceConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<EmbedResourceConsumer, EmbedResourceConsumerDefinition>();
        bus.AddConsumer<EmbedSearchQueryConsumer, EmbedSearchQueryConsumerDefinition>();
        bus.AddConsumer<RecommendResourcesConsumer, RecommendResourcesConsumerDefinition>();
        return bus;
    }
}
