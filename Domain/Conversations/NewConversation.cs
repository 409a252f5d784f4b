using System.Text.Json.Nodes;

namespace Pipeline.Domain.Conversations;

public sealed record NewConversation(
    string Kind,
    long OwnerId,
    string Title = "",
    long? ParentId = null,
    long? CourseId = null,
    long? ModuleId = null,
    long? ConceptId = null,
    JsonObject? Metadata = null);
