namespace Pipeline.Edge.Api.Progress;

public sealed record Strength(string Area, double MasteryLevel, int ConceptsMastered);
