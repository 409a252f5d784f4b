using FastEndpoints;
using Pipeline.Edge.Api.Errors;
using Pipeline.Operations.FailedMessages;

namespace Pipeline.Edge.Api.Operations.FailedMessages.Retry;

/// <summary>Sends failed messages back to their queues: one message, a group, or everything failed from a queue.</summary>
public sealed class Endpoint(FailedMessageRetrier retrier) : Endpoint<FailedMessageRequest, FailedMessageActionResult>
{
    public override void Configure()
    {
        Post("/failed-messages/{id:guid}/retry", "/failed-messages/groups/{groupId}/retry", "/failed-messages/queues/{queue}/retry");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).ClearDefaultAccepts().Failures(401, 403, 404));
    }

    public override async Task HandleAsync(FailedMessageRequest request, CancellationToken ct)
    {
        var selection = request.Selection();
        var retried = await retrier.RetryAsync(selection, ct);
        if (retried == 0 && selection.IsSingleMessage)
            throw ApiException.NotFound("No failed message to retry: it does not exist or was already retried");
        await Send.OkAsync(new FailedMessageActionResult("retry", retried), ct);
    }
}
