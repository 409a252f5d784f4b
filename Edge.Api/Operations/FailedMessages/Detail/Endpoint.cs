using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages.Detail;

/// <summary>One failed message: headers, body, exception and what happened to it since.</summary>
public sealed class Endpoint(FailedMessageQueries queries) : Endpoint<Request, FailedMessageDetail>
{
    public override void Configure()
    {
        Get("/failed-messages/{id:guid}");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).Failures(401, 403, 404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await queries.DetailAsync(request.Id, ct), ct);
}
