using FastEndpoints;

namespace Pipeline.Edge.Api.Operations.FailedMessages.Detail;

public sealed class Request
{
    [BindFrom("id")] public Guid Id { get; init; }
}
