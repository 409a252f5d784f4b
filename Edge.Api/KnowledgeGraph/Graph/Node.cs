using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.KnowledgeGraph.Graph;

public sealed record Node(string Id, string Label, string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mastery, string Status, NodeProperties Properties);
