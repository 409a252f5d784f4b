using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.Users.Update;

/// <summary>Seed 003's learning profile fields; the ones given replace the stored ones.</summary>
public sealed class LearningProfileChange
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LearningLevel? Level { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LearningStyle? PreferredLearningStyle { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string[]? Strengths { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string[]? AreasForImprovement { get; init; }
}
