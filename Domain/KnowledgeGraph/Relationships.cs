namespace Pipeline.Domain.KnowledgeGraph;

public static class Relationships
{
    public const string PrerequisiteFor = "prerequisite_for";
    public const string RelatedTo = "related_to";
    public const string AlternativeTo = "alternative_to";

    public static readonly string[] All = [PrerequisiteFor, RelatedTo, AlternativeTo];
}
