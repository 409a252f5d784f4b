using Pipeline.Domain.Platform;

namespace Pipeline.Edge.Api.Resources;

/// <summary>
/// A resource in a search answer. <c>score</c> is its reciprocal-rank-fusion score; <c>text_rank</c> its place among
/// the full-text matches and <c>similarity</c> its cosine similarity to the query (each null when that search did not
/// find it).
/// </summary>
public sealed record ResourceHit(
    long Id,
    string Title,
    string Type,
    string Url,
    string Description,
    string[] Tags,
    string Source,
    long? AddedBy,
    bool Embedded,
    DateTime CreatedAt,
    double? Score,
    int? TextRank,
    double? Similarity)
{
    public static ResourceHit From(Resource r, double? score = null, int? textRank = null, double? similarity = null) =>
        new(r.Id, r.Title, r.Type, r.Url, r.Description, r.Tags, r.Source, r.AddedBy, r.Embedded, r.CreatedAt, score, textRank,
            similarity is { } s ? Math.Round(s, 4) : null);
}
