namespace Pipeline.Domain.Platform;

/// <summary>A stored embedding as search reads it.</summary>
public sealed record ResourceVector(long Id, long? AddedBy, string Type, string Model, float[] Vector);
