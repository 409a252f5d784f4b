using System.Text.Json.Nodes;

namespace Pipeline.Domain.LearningEvents;

/// <summary>
/// One statement in the learning log, shaped like xAPI: who (user), did what (verb), to what (object type + id), with
/// what result (score 0..1, success, completion, duration), in what context, when.
/// </summary>
public sealed record LearningEvent(
    long UserId,
    string Verb,
    string ObjectType,
    string ObjectId,
    double? Score = null,
    bool? Success = null,
    bool? Completion = null,
    int? DurationSeconds = null,
    JsonObject? Context = null,
    string? DedupKey = null,
    DateTimeOffset? OccurredAt = null)
{
    public long Id { get; init; }
}
