using System.Text.Json;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>
/// What the offline provider answers to a structured-output request: the schema name says which operation is asked,
/// the first user message carries its inputs as JSON. Public so test fakes of a real provider can answer the same way.
/// </summary>
public static class OfflineAnswers
{
    /// <summary>The answer JSON, or null when the schema is not one of the pipeline's.</summary>
    /// <exception cref="JsonException">The input is not the JSON the schema's operation sends.</exception>
    public static string? Answer(string? schemaName, string inputJson) => schemaName switch
    {
        AiSchemaNames.LearningGoals => Serialize(OfflineGoalReader.Read(Read<ExtractGoalsInput>(inputJson).Prompt ?? "")),
        AiSchemaNames.LearningPathPlan => Serialize(OfflinePathPlanner.Plan(Read<PlanPathInput>(inputJson).Goals)),
        AiSchemaNames.SectionCards => Serialize(new SectionCardSet(OfflineCardWriter.Write(Read<SectionCardRequest>(inputJson)))),
        Tracks.TrackSchemaNames.CoursePlan => Serialize(OfflineCoursePlanner.Plan(Read<Tracks.CoursePlanInput>(inputJson))),
        Tracks.TrackSchemaNames.ModuleLesson => Serialize(OfflineLessonWriter.Write(Read<Tracks.LessonInput>(inputJson))),
        // A tutoring chat turn: its input is the learner's first message, not JSON.
        AiSchemaNames.TutorReply => OfflineChatReply.WriteStructured([new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, inputJson)]),
        _ => null,
    };

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, AiWireJson.Options) ?? throw new JsonException($"Expected a {typeof(T).Name} object.");

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, AiWireJson.Options);
}
