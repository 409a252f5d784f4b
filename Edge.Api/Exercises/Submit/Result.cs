namespace Pipeline.Edge.Api.Exercises.Submit;

public sealed record Result(double Score, int MaxScore, int TestsPassed, int TestsTotal, string Status, int? ExecutionTime);
