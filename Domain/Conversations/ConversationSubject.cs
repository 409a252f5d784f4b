using System.Text.Json.Nodes;

namespace Pipeline.Domain.Conversations;

/// <summary>The track/course, module and draft plan a conversation is about (all optional), as its prompt shows them.</summary>
public sealed record ConversationSubject
{
    public string? CourseTitle { get; init; }
    public string? CourseDescription { get; init; }
    public string? SkillArea { get; init; }
    public string? DifficultyLevel { get; init; }
    public string? UserExpectations { get; init; }
    public string? ModuleTitle { get; init; }
    public string? ModuleDescription { get; init; }
    public string[]? ModuleObjectives { get; init; }
    public JsonNode? DraftPlan { get; init; }
}
