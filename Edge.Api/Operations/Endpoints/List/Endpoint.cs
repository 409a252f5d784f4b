using FastEndpoints;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Operations;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.Endpoints.List;

/// <summary>ServicePulse's endpoint monitoring: every instance with its last heartbeat, up or down.</summary>
public sealed class Endpoint(NpgsqlDataSource dataSource, IOptions<OperationsOptions> options) : EndpointWithoutRequest<EndpointInstanceList>
{
    public override void Configure()
    {
        Get("/endpoints");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).Failures(401, 403));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await dataSource.ListAsync(options.Value.EndpointDownAfterSeconds, ct), ct);
}
