using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.KnowledgeGraph.Path;

public sealed record PathStepView(int Step, long ConceptId, string Title, string Status, int EstimatedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);
