using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.ModuleLearning;

public sealed record ModuleChatStart(long ChatId, ModuleResponse Module, MessageView Message);
