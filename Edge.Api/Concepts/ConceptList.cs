namespace Pipeline.Edge.Api.Concepts;

public sealed record ConceptList(IReadOnlyList<ConceptSummary> Concepts, int Total, int Limit, int Offset);
