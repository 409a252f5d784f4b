namespace Pipeline.Edge.Api.Exercises.Start;

public sealed record Response(string SessionId, ExerciseView Exercise, DateTimeOffset StartedAt);
