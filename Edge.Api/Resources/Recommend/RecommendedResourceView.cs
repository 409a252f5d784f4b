namespace Pipeline.Edge.Api.Resources.Recommend;

/// <summary>A recommended resource, why it was picked, and which provider ranked it (offline or openai).</summary>
public sealed record RecommendedResourceView(ResourceHit Resource, string Reason, string RankedBy);
