using System.Text.Json;

namespace Pipeline.Domain.Database;

/// <summary>
/// The JSON written into jsonb columns and bus payloads that the seeds' API later shows as they are (objectives,
/// resources, exercise questions, reminder and webhook payloads): snake_case like every seed, read leniently (web defaults).
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
