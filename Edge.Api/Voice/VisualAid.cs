namespace Pipeline.Edge.Api.Voice;

public sealed record VisualAid(string Type, string Content, string Language, string Title);
