using System.Numerics;
using System.Runtime.InteropServices;

namespace Pipeline.Domain.Platform;

/// <summary>
/// The resources' embeddings in memory, for nearest-neighbour search without pgvector (not in Debian 12): every vector
/// is unit length, so cosine similarity is a dot product. 10,000 resources of 384 floats are 15 MB and one query is
/// about 4 million multiply-adds (a few milliseconds). Each search first reads the vectors written since the last one
/// (an indexed query that usually returns nothing), so a new embedding is searchable at once in every process.
/// </summary>
public sealed class ResourceVectorIndex(ResourceStore store)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Dictionary<long, ResourceVector> _vectors = [];
    private DateTime? _latest;
    private volatile ResourceVector[]? _snapshot;

    /// <summary>Reads the vectors written since the last look (a search does it while its query is being embedded).</summary>
    public Task CatchUpAsync(CancellationToken ct) => RefreshAsync(ct);

    /// <param name="catchUp">False when the caller has just called <see cref="CatchUpAsync"/>.</param>
    public async Task<IReadOnlyList<(long Id, double Score)>> NearestAsync(float[] query, string model, long userId, string? type, int k,
        double minScore, CancellationToken ct, bool catchUp = true)
    {
        var snapshot = catchUp || _snapshot is null ? await RefreshAsync(ct) : _snapshot;

        var best = new PriorityQueue<long, double>();
        foreach (var candidate in snapshot)
        {
            if (candidate.Model != model || candidate.Vector.Length != query.Length) continue;
            if (candidate.AddedBy is { } owner && owner != userId) continue;
            if (type is not null && candidate.Type != type) continue;
            var score = Dot(candidate.Vector, query);
            if (score < minScore) continue;
            best.Enqueue(candidate.Id, score);
            if (best.Count > k) best.Dequeue();
        }
        var results = new List<(long, double)>(best.Count);
        while (best.TryDequeue(out var id, out var score)) results.Add((id, score));
        results.Reverse();
        return results;
    }

    private async Task<ResourceVector[]> RefreshAsync(CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            var (fresh, latest) = await store.VectorsSinceAsync(_latest, ct);
            foreach (var vector in fresh) _vectors[vector.Id] = vector;
            _latest = latest;
            // A new array only when something changed: searches read the last one without copying 10,000 references each.
            if (fresh.Count > 0 || _snapshot is null) _snapshot = [.. _vectors.Values];
            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a.AsSpan());
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b.AsSpan());
        for (var i = 0; i < va.Length; i++) sum += va[i] * vb[i];
        var result = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++) result += a[i] * b[i];
        return result;
    }
}
