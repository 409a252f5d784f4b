using System.Text.Json;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>Seed 003's <c>learning_profile</c>; a new account starts as a beginner with nothing recorded yet.</summary>
public sealed record LearningProfile(string Level, string? PreferredLearningStyle, string[] Strengths, string[] AreasForImprovement)
{
    public static LearningProfile From(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredProfile>(json, ApiJson.Options);
        return new(stored?.Level ?? "beginner", stored?.PreferredLearningStyle, stored?.Strengths ?? [], stored?.AreasForImprovement ?? []);
    }

    /// <summary>The jsonb column may hold any subset of the fields.</summary>
    private sealed record StoredProfile(string? Level, string? PreferredLearningStyle, string[]? Strengths, string[]? AreasForImprovement);
}
