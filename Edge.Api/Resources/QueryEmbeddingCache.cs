using System.Text.RegularExpressions;
using Microsoft.Extensions.Caching.Memory;
using Pipeline.Messages.Resources;

namespace Pipeline.Edge.Api.Resources;

/// <summary>
/// Query embeddings this edge has asked Handlers for, by query text (lower-cased, spaces collapsed: MiniLM's tokenizer
/// lower-cases, so the embedding is the same). A repeated query skips the bus round trip and the model, which is most of
/// a search's time (<c>./bench.sh search</c>). Bounded (<see cref="MaxEntries"/>) and short-lived (<see cref="Lifetime"/>),
/// so a change of embedding model reaches cached queries within minutes; until then they only match vectors of their model.
/// </summary>
public sealed partial class QueryEmbeddingCache : IDisposable
{
    public const int MaxEntries = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Key(string query) => Spaces().Replace(query.Trim().ToLowerInvariant(), " ");

    public bool TryGet(string query, out SearchQueryEmbedded? embedded) => _cache.TryGetValue(Key(query), out embedded);

    public void Set(string query, SearchQueryEmbedded embedded) =>
        _cache.Set(Key(query), embedded, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _cache.Dispose();
}
