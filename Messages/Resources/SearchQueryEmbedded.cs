namespace Pipeline.Messages.Resources;

/// <summary>Response: a unit-length query vector and the model that made it (only vectors of the same model are compared).</summary>
public sealed record SearchQueryEmbedded(float[] Vector, string Model);
