namespace Pipeline.Domain.Concepts;

/// <summary>
/// What the Trac importer writes for one ticket: the concept (its <see cref="Concept.Prerequisites"/> are left empty:
/// the importer writes the ticket's dependencies as knowledge-graph edges itself), the exercises its ticket declares,
/// and the ticket's <c>changetime</c> (how the importer knows what changed since its last pass).
/// </summary>
public sealed record ConceptImport(Concept Concept, IReadOnlyList<ExerciseDefinition> Exercises, long ChangeTime);
