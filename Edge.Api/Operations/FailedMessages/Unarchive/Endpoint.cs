using FastEndpoints;
using Pipeline.Operations.FailedMessages;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages.Unarchive;

/// <summary>Restores archived failed messages to the list (one message or a group).</summary>
public sealed class Endpoint(FailedMessageQueries queries) : Endpoint<FailedMessageRequest, FailedMessageActionResult>
{
    public override void Configure()
    {
        Post("/failed-messages/{id:guid}/unarchive", "/failed-messages/groups/{groupId}/unarchive");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).ClearDefaultAccepts().Failures(401, 403, 404, 409));
    }

    public override async Task HandleAsync(FailedMessageRequest request, CancellationToken ct) =>
        await Send.OkAsync(new FailedMessageActionResult("unarchive",
            await queries.ChangeStatusAsync(request.Selection(), FailedMessageStatuses.Archived, FailedMessageStatuses.Unresolved, ct)), ct);
}
