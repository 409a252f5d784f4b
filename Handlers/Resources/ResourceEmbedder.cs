using Microsoft.Extensions.AI;
using Pipeline.Domain.Platform;

namespace Pipeline.Handlers.Resources;

/// <summary>Computes and stores resources' embeddings with whichever <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> is configured.</summary>
public sealed class ResourceEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, ResourceStore resources)
{
    /// <summary>The model id stored with each vector: only vectors of one model are ever compared.</summary>
    public string Model => generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";

    public async Task EmbedAsync(IReadOnlyList<Resource> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var embeddings = await generator.GenerateAsync(batch.Select(r => r.SearchText), cancellationToken: ct);
        for (var i = 0; i < batch.Count; i++)
            await resources.SaveEmbeddingAsync(batch[i].Id, embeddings[i].Vector.ToArray(), Model, ct);
    }

    public async Task<float[]> EmbedQueryAsync(string text, CancellationToken ct) =>
        (await generator.GenerateAsync([text], cancellationToken: ct))[0].Vector.ToArray();
}
