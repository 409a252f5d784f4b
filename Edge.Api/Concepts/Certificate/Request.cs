namespace Pipeline.Edge.Api.Concepts.Certificate;

public sealed class Request
{
    public string File { get; init; } = "";
}
