namespace Pipeline.Edge.Api.Concepts;

public sealed record ConceptMetadata(long TracTicketId, IReadOnlyDictionary<string, string> CustomFields);
