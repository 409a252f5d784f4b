namespace Pipeline.Edge.Api.ModuleLearning;

public sealed record ModuleChatResponse(string Response, long ChatId, long ModuleId, long MessageId, long UserMessageId, string Status);
