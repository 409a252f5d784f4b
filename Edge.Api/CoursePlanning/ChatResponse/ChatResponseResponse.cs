namespace Pipeline.Edge.Api.CoursePlanning;

public sealed record ChatResponseResponse(string Response, long ChatId, long SessionId, long MessageId, long UserMessageId, string Status);
