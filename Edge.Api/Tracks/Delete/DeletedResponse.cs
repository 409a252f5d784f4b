namespace Pipeline.Edge.Api.Tracks;

public sealed record DeletedResponse(string Message);
