namespace Pipeline.Messages.Resources;

/// <summary>Response: recommended resources, best first, each with the reason it was picked.</summary>
public sealed record ResourcesRecommended(IReadOnlyList<RecommendedResource> Items, string Provider);
