using System.Text.Json.Nodes;

namespace Pipeline.Edge.Api.ModuleLearning;

public sealed record LessonResponse(long ModuleId, string TaskId, string Status, JsonNode? Lesson);
