using Pipeline.Domain.Conversations;
using Pipeline.Messages.Conversations;

namespace Pipeline.Edge.Api.Conversations;

/// <summary>A stored user message (or instruction) and its reply, once the worker answered.</summary>
public sealed record ReplyOutcome(ConversationMessage Asked, ReplyCompleted Reply);
