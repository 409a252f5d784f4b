namespace Pipeline.Edge.Api.Concepts;

public sealed record ResourceView(string Type, string Title, string Url);
