namespace Pipeline.Edge.Api.Progress;

public sealed record Overall(int TotalConcepts, int CompletedConcepts, int MasteredConcepts, int InProgressConcepts, double CompletionPercentage,
    double MasteryPercentage);
