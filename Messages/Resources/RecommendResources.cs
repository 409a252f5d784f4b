namespace Pipeline.Messages.Resources;

/// <summary>
/// Request: resources for a learner's context (course and goal descriptions, recent activity), answered with
/// <see cref="ResourcesRecommended"/>. Embeddings pick candidates the user can see; the LLM ranks them and says why.
/// </summary>
public sealed record RecommendResources(long UserId, string Context, int Limit);
