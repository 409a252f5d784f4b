namespace Pipeline.Edge.Api.Operations.Endpoints;

public sealed record EndpointInstanceList(IReadOnlyList<EndpointInstance> Endpoints, int DownAfterSeconds);
