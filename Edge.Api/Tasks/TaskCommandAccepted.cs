namespace Pipeline.Edge.Api.Tasks;

public sealed record TaskCommandAccepted(string TaskId, string Status);
