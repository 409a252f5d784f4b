using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Domain.Tasks;

/// <summary>How a task status is serialized for the cache and the API (seed 002's snake_case field names).</summary>
public static class TaskStatusJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(TaskStatusRecord status) => JsonSerializer.Serialize(status, Options);
}
