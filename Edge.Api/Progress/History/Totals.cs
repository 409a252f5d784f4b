namespace Pipeline.Edge.Api.Progress.History;

public sealed record Totals(int ConceptsCompleted, int ConceptsMastered, int TotalTimeSpent, double AverageMasteryScore);
