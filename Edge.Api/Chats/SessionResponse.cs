using System.Text.Json.Nodes;
using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.Chats;

/// <summary>A planning session: a conversation of kind planning that groups chats, with its draft course plan.</summary>
public sealed record SessionResponse(long Id, long? TrackId, string Title, string Status, JsonNode? DraftPlan, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SessionResponse From(Conversation c) => new(c.Id, c.CourseId, c.Title, c.Status, c.DraftPlan, c.CreatedAt, c.UpdatedAt);
}
