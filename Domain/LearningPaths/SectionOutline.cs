using System.Text.Json.Serialization;

namespace Pipeline.Domain.LearningPaths;

/// <summary>A section as seed 000 lists it: <c>{section_id, title, keywords}</c>, with its cards once generated.</summary>
public sealed record SectionOutline(
    long SectionId,
    string Title,
    string[] Keywords,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CardView>? Cards = null);
