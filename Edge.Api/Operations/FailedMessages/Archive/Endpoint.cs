using FastEndpoints;
using Pipeline.Operations.FailedMessages;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages.Archive;

/// <summary>Sets unresolved failed messages aside (one message or a group); they can be restored.</summary>
public sealed class Endpoint(FailedMessageQueries queries) : Endpoint<FailedMessageRequest, FailedMessageActionResult>
{
    public override void Configure()
    {
        Post("/failed-messages/{id:guid}/archive", "/failed-messages/groups/{groupId}/archive");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).ClearDefaultAccepts().Failures(401, 403, 404, 409));
    }

    public override async Task HandleAsync(FailedMessageRequest request, CancellationToken ct) =>
        await Send.OkAsync(new FailedMessageActionResult("archive",
            await queries.ChangeStatusAsync(request.Selection(), FailedMessageStatuses.Unresolved, FailedMessageStatuses.Archived, ct)), ct);
}
