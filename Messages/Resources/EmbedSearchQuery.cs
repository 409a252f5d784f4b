namespace Pipeline.Messages.Resources;

/// <summary>Request: the embedding of a search query, answered with <see cref="SearchQueryEmbedded"/>. The edge runs no model itself.</summary>
public sealed record EmbedSearchQuery(string Text);
