namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record Summary(long ActiveLearners, long ConceptsCompleted, double? AverageMasteryScore, double TotalLearningHours);
