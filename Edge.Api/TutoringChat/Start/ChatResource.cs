namespace Pipeline.Edge.Api.TutoringChat.Start;

public sealed record ChatResource(string Type, string Title, string Content);
