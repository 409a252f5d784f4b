using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages.ListMessages;

/// <summary>Failed messages one by one, newest first.</summary>
public sealed class Endpoint(FailedMessageQueries queries) : Endpoint<FailedMessageFilter, FailedMessageList>
{
    public override void Configure()
    {
        Get("/failed-messages/messages");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).Failures(400, 401, 403));
    }

    public override async Task HandleAsync(FailedMessageFilter filter, CancellationToken ct) =>
        await Send.OkAsync(await queries.MessagesAsync(FailedMessageQueries.ValidStatus(filter.Status), filter.Queue, filter.Group,
            filter.Skip, filter.Limit, ct), ct);
}
