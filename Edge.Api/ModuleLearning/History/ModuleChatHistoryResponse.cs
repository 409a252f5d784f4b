using Pipeline.Edge.Api.Chats;

namespace Pipeline.Edge.Api.ModuleLearning;

public sealed record ModuleChatHistoryResponse(long? ChatId, long ModuleId, IReadOnlyList<MessageView> Messages);
