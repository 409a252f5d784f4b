namespace Pipeline.Edge.Api.TutoringChat.Start;

public sealed record InitialResponse(string Message, IReadOnlyList<string> Suggestions, IReadOnlyList<ChatResource> Resources);
