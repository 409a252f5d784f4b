using Pipeline.Domain.Concepts;

namespace Pipeline.Edge.Api.Concepts;

/// <summary>
/// A learner's view of concepts for the graph, path and recommendations: their own status where they have one,
/// otherwise <c>available</c> (every prerequisite done) or <c>locked</c>.
/// </summary>
public sealed class LearnerStatuses(IReadOnlyDictionary<long, ConceptProgress> progress)
{
    public const string Available = "available";
    public const string Locked = "locked";

    public bool IsDone(long conceptId) => progress.TryGetValue(conceptId, out var p) && ConceptStatus.IsDone(p.Status);

    public bool IsMastered(long conceptId) => progress.TryGetValue(conceptId, out var p) && p.Status == ConceptStatus.Mastered;

    public double Mastery(long conceptId) => progress.TryGetValue(conceptId, out var p) ? p.Mastery : 0;

    public ConceptProgress? Of(long conceptId) => progress.GetValueOrDefault(conceptId);

    public bool PrerequisitesMet(Concept concept) => concept.Prerequisites.All(IsDone);

    public string StatusOf(Concept concept) =>
        progress.TryGetValue(concept.Id, out var p) && p.Status != ConceptStatus.New ? p.Status
        : PrerequisitesMet(concept) ? Available : Locked;
}
