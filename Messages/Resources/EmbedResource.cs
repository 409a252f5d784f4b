namespace Pipeline.Messages.Resources;

/// <summary>Command: compute and store the embedding of a resource (idempotent: a resource is embedded once per model).</summary>
public sealed record EmbedResource(long ResourceId);
