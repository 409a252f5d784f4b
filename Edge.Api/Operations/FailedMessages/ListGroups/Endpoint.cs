using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages.ListGroups;

/// <summary>Failed messages grouped by queue, message type and exception, largest groups first.</summary>
public sealed class Endpoint(FailedMessageQueries queries) : Endpoint<FailedMessageFilter, FailedMessageGroupList>
{
    public override void Configure()
    {
        Get("/failed-messages");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).Failures(400, 401, 403));
    }

    public override async Task HandleAsync(FailedMessageFilter filter, CancellationToken ct) =>
        await Send.OkAsync(await queries.GroupsAsync(FailedMessageQueries.ValidStatus(filter.Status), filter.Queue, filter.Group,
            filter.Skip, filter.Limit, ct), ct);
}
