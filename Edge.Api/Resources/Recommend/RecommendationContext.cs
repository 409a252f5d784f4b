using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.Resources.Recommend;

/// <summary>Seed 004's <c>context</c>: course ids, goal ids and free-text recent activity (<c>recentActivity</c>, as the seed spells it).</summary>
public sealed class RecommendationContext
{
    public long[] Courses { get; init; } = [];
    public long[] Goals { get; init; } = [];
    [JsonPropertyName("recentActivity")] public string[] RecentActivity { get; init; } = [];
}
