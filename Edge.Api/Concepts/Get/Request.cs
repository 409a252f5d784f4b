namespace Pipeline.Edge.Api.Concepts.Get;

public sealed class Request
{
    public long ConceptId { get; init; }
}
