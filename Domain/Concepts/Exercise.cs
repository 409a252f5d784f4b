namespace Pipeline.Domain.Concepts;

/// <summary>A stored exercise: its id (served as <c>ex-{id}</c>), the concept it practises, and its definition.</summary>
public sealed record Exercise(long Id, long ConceptId, string ConceptTitle, ExerciseDefinition Definition)
{
    public string PublicId => $"ex-{Id}";
}
