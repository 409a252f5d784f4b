namespace Pipeline.Domain.Concepts;

/// <summary>A resource named in the ticket's <c>learning_resources</c> field.</summary>
public sealed record ConceptResource(string Type, string Title, string Url, int EstimatedTime);
