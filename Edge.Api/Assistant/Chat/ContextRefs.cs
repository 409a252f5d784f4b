using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.Assistant.Chat;

/// <summary>Seed 004's <c>contextRefs</c>: the notes and courses whose content the assistant is given.</summary>
public sealed class ContextRefs
{
    [JsonPropertyName("noteIds")] public long[] NoteIds { get; init; } = [];
    [JsonPropertyName("courseIds")] public long[] CourseIds { get; init; } = [];
}
