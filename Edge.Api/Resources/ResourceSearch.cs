using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Messages.Resources;

namespace Pipeline.Edge.Api.Resources;

/// <summary>
/// Seed 004's resource search: PostgreSQL full text and embeddings, merged by reciprocal rank fusion (RRF).
/// <list type="number">
/// <item>Full text: <c>websearch_to_tsquery</c> over the weighted title (A) and description (B), ranked by <c>ts_rank_cd</c>; the best <see cref="Candidates"/>.</item>
/// <item>Meaning: the query's embedding comes from Handlers (the edge runs no model) through a request client; the
/// <see cref="Candidates"/> nearest resources with cosine similarity of at least <see cref="MinSimilarity"/>.</item>
/// <item>Each resource scores Σ 1 / (<see cref="RrfK"/> + rank) over the lists it appears in; ties go to the higher similarity.</item>
/// </list>
/// RRF needs no calibration between the two scores (a ts_rank and a cosine are not comparable) and rewards a resource
/// both searches found. When Handlers cannot answer in time, the answer is the full-text list alone. The query's embedding
/// (most of a search's time: the bus round trip and the model) is cached for repeated queries (<see cref="QueryEmbeddingCache"/>);
/// the full-text query and the vector index's catch-up run while it is on its way.
/// </summary>
public sealed class ResourceSearch(ResourceStore resources, ResourceVectorIndex index, IRequestClient<EmbedSearchQuery> embed,
    QueryEmbeddingCache embeddings, ILogger<ResourceSearch> logger)
{
    public const int Candidates = 100;
    public const double MinSimilarity = 0.2;
    public const int RrfK = 60;

    public async Task<(IReadOnlyList<ResourceHit> Items, long Total)> SearchAsync(long userId, string query, string? type, int limit, int offset,
        CancellationToken ct)
    {
        var embedding = EmbedAsync(query, ct);
        var catchUp = index.CatchUpAsync(ct);
        var text = await resources.FullTextAsync(userId, query, type, Candidates, ct);
        await catchUp;
        var nearest = await embedding is { } e
            ? await index.NearestAsync(e.Vector, e.Model, userId, type, Candidates, MinSimilarity, ct, catchUp: false)
            : [];

        var fused = new Dictionary<long, (double Score, int? TextRank, double? Similarity)>();
        for (var i = 0; i < text.Count; i++)
            fused[text[i]] = (1.0 / (RrfK + i + 1), i + 1, null);
        for (var i = 0; i < nearest.Count; i++)
        {
            var (id, similarity) = nearest[i];
            var before = fused.GetValueOrDefault(id);
            fused[id] = (before.Score + 1.0 / (RrfK + i + 1), before.TextRank, similarity);
        }
        var ranked = fused.OrderByDescending(f => f.Value.Score).ThenByDescending(f => f.Value.Similarity ?? 0).ThenBy(f => f.Key).ToList();
        var page = ranked.Skip(offset).Take(limit).ToList();
        var found = (await resources.FindVisibleAsync(userId, page.Select(p => p.Key).ToList(), ct)).ToDictionary(r => r.Id);
        var items = page.Where(p => found.ContainsKey(p.Key))
            .Select(p => ResourceHit.From(found[p.Key], Math.Round(p.Value.Score, 6), p.Value.TextRank, p.Value.Similarity))
            .ToList();
        return (items, ranked.Count);
    }

    private async Task<SearchQueryEmbedded?> EmbedAsync(string query, CancellationToken ct)
    {
        if (embeddings.TryGet(query, out var cached)) return cached;
        try
        {
            var response = await embed.GetResponse<SearchQueryEmbedded>(new EmbedSearchQuery(query), ct, RequestTimeout.After(s: 5));
            embeddings.Set(query, response.Message);
            return response.Message;
        }
        catch (Exception e) when (e is RequestTimeoutException or RequestFaultException)
        {
            logger.LogWarning("Semantic search unavailable, answering with full text only: {Error}", e.Message);
            return null;
        }
    }
}
