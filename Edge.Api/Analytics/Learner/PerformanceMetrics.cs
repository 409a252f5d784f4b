namespace Pipeline.Edge.Api.Analytics.Learner;

public sealed record PerformanceMetrics(double? OverallMastery, double ConceptsPerWeek, double? ExerciseSuccessRate, double? QuizAverage);
