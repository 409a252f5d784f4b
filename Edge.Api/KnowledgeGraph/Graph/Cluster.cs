using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.KnowledgeGraph.Graph;

public sealed record Cluster(string Id, string Label, IReadOnlyList<string> Concepts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mastery);
