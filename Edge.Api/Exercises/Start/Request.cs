namespace Pipeline.Edge.Api.Exercises.Start;

public sealed class Request
{
    public string ExerciseId { get; init; } = "";
}
