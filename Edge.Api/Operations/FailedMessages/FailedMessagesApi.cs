using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Domain.Operations.FailedMessages;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>ServicePulse's failed messages: groups, details, retry, archive and restore.</summary>
public static class FailedMessagesApi
{
    public static void MapFailedMessages(this RouteGroupBuilder ops)
    {
        var group = ops.MapGroup("/failed-messages");
        group.MapGet("", ListGroupsAsync);
        group.MapGet("/messages", ListMessagesAsync);
        group.MapGet("/{id:guid}", DetailAsync);
        group.MapPost("/{id:guid}/retry", (Guid id, FailedMessageRetrier retrier, CancellationToken ct) =>
            RetryAsync(FailedMessageSelection.Message(id), retrier, ct));
        group.MapPost("/{id:guid}/archive", (Guid id, FailedMessageQueries queries, CancellationToken ct) =>
            ArchiveAsync(FailedMessageSelection.Message(id), queries, ct));
        group.MapPost("/{id:guid}/unarchive", (Guid id, FailedMessageQueries queries, CancellationToken ct) =>
            UnarchiveAsync(FailedMessageSelection.Message(id), queries, ct));
        group.MapPost("/groups/{groupId}/retry", (string groupId, FailedMessageRetrier retrier, CancellationToken ct) =>
            RetryAsync(FailedMessageSelection.Group(groupId), retrier, ct));
        group.MapPost("/groups/{groupId}/archive", (string groupId, FailedMessageQueries queries, CancellationToken ct) =>
            ArchiveAsync(FailedMessageSelection.Group(groupId), queries, ct));
        group.MapPost("/groups/{groupId}/unarchive", (string groupId, FailedMessageQueries queries, CancellationToken ct) =>
            UnarchiveAsync(FailedMessageSelection.Group(groupId), queries, ct));
        group.MapPost("/queues/{queue}/retry", (string queue, FailedMessageRetrier retrier, CancellationToken ct) =>
            RetryAsync(FailedMessageSelection.Queue(queue), retrier, ct));
    }

    /// <summary><c>status</c> is <c>unresolved</c> (the list) by default; <c>archived</c> shows what can be restored.</summary>
    private static async Task<Ok<FailedMessageGroupList>> ListGroupsAsync(FailedMessageQueries queries, CancellationToken cancellationToken,
        string? queue = null, string? group = null, string? status = null, int skip = 0, int limit = 50)
    {
        Paging.Validate(skip, limit);
        return TypedResults.Ok(await queries.GroupsAsync(FailedMessageQueries.ValidStatus(status), queue, group, skip, limit, cancellationToken));
    }

    private static async Task<Ok<FailedMessageList>> ListMessagesAsync(FailedMessageQueries queries, CancellationToken cancellationToken,
        string? queue = null, string? group = null, string? status = null, int skip = 0, int limit = 50)
    {
        Paging.Validate(skip, limit);
        return TypedResults.Ok(await queries.MessagesAsync(FailedMessageQueries.ValidStatus(status), queue, group, skip, limit, cancellationToken));
    }

    private static async Task<Ok<FailedMessageDetail>> DetailAsync(Guid id, FailedMessageQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.DetailAsync(id, cancellationToken));

    private static async Task<Ok<FailedMessageActionResult>> RetryAsync(FailedMessageSelection selection, FailedMessageRetrier retrier,
        CancellationToken cancellationToken)
    {
        var retried = await retrier.RetryAsync(selection, cancellationToken);
        if (retried == 0 && selection.IsSingleMessage)
            throw ApiException.NotFound("No failed message to retry: it does not exist or was already retried");
        return TypedResults.Ok(new FailedMessageActionResult("retry", retried));
    }

    private static async Task<Ok<FailedMessageActionResult>> ArchiveAsync(FailedMessageSelection selection, FailedMessageQueries queries,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new FailedMessageActionResult("archive",
            await queries.ChangeStatusAsync(selection, FailedMessageStatuses.Unresolved, FailedMessageStatuses.Archived, cancellationToken)));

    private static async Task<Ok<FailedMessageActionResult>> UnarchiveAsync(FailedMessageSelection selection, FailedMessageQueries queries,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new FailedMessageActionResult("unarchive",
            await queries.ChangeStatusAsync(selection, FailedMessageStatuses.Archived, FailedMessageStatuses.Unresolved, cancellationToken)));
}
