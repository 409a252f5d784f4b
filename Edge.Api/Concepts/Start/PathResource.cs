namespace Pipeline.Edge.Api.Concepts.Start;

public sealed record PathResource(string Type, string Title, string Url, int EstimatedTime);
