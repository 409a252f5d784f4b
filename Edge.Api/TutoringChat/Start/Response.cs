namespace Pipeline.Edge.Api.TutoringChat.Start;

public sealed record Response(string ChatId, string Status, string AiModel, bool ContextLoaded, InitialResponse InitialResponse);
