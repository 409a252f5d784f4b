namespace Pipeline.Edge.Api.Exercises.List;

public sealed record Response(IReadOnlyList<Item> Exercises, int Total, int Available, int Completed, int Limit, int Offset);
