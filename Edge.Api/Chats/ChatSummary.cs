using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.Chats;

/// <summary>A chat: a conversation inside a planning session (or a module chat, with its module).</summary>
public sealed record ChatSummary(long Id, long? SessionId, long? TrackId, long? ModuleId, string Kind, string Title, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ChatSummary From(Conversation c) => new(c.Id, c.ParentId, c.CourseId, c.ModuleId, c.Kind, c.Title, c.Status, c.CreatedAt, c.UpdatedAt);
}
