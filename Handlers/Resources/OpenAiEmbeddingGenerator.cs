using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Resources;

/// <summary>Embeddings from the configured OpenAI-compatible endpoint (<c>Ai:Endpoint</c>), model <c>Resources:OpenAiEmbeddingModel</c>.</summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingClient _client;
    private readonly string _model;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OpenAiEmbeddingGenerator(AiOptions ai, string model)
    {
        var endpoint = new Uri(ai.Endpoint ?? throw new ArgumentException("Ai:Endpoint is required.", nameof(ai)));
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
            NetworkTimeout = TimeSpan.FromSeconds(ai.RequestTimeoutSeconds),
        };
        _model = model;
        _client = new EmbeddingClient(model, new ApiKeyCredential(string.IsNullOrWhiteSpace(ai.ApiKey) ? "no-key" : ai.ApiKey), options);
        _metadata = new EmbeddingGeneratorMetadata("openai", endpoint, model);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var result = await _client.GenerateEmbeddingsAsync(values.ToList(), cancellationToken: cancellationToken);
        return new GeneratedEmbeddings<Embedding<float>>(result.Value
            .OrderBy(e => e.Index)
            .Select(e => new Embedding<float>(UnitLength.Of(e.ToFloats().Span)) { ModelId = _model }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
