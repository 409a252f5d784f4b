namespace Pipeline.Edge.Api.Concepts;

public sealed record PrerequisiteView(long Id, string Title, string Status);
