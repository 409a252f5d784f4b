namespace Pipeline.Messages.Resources;

public sealed record RecommendedResource(long ResourceId, string Reason, double Similarity);
