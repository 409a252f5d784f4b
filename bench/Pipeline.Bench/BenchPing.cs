namespace Pipeline.Bench;

/// <summary>The trivial message: as small as a pipeline command, carrying nothing but an id and a number.</summary>
public record BenchPing(Guid RunId, int Sequence);
