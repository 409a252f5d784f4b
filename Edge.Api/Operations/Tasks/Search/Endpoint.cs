using System.Globalization;
using FastEndpoints;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.Tasks.Search;

/// <summary>Task search for operations, across all users: newest first, filtered by status, stage, user and time.</summary>
public sealed class Endpoint(TaskStore tasks) : Endpoint<Request, OpsTaskList>
{
    public override void Configure()
    {
        Get("/tasks");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).Failures(400, 401, 403));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        long? userId = long.TryParse(request.User, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var email = userId is null && !string.IsNullOrWhiteSpace(request.User) ? $"%{request.User.Trim()}%" : null;
        var search = new TaskSearch(request.Status, request.Stage, userId, email, request.From, request.To, request.Skip, request.Limit);
        await Send.OkAsync(await tasks.SearchAsync(search, ct), ct);
    }
}
