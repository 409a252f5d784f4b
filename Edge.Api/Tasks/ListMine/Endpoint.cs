using FastEndpoints;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tasks.ListMine;

/// <summary>Seed 002: the caller's tasks, newest first.</summary>
public sealed class Endpoint(TaskStore tasks) : Endpoint<Request, IReadOnlyList<TaskStatusRecord>>
{
    public override void Configure()
    {
        Get("/api/tasks/users/me");
        Description(d => d.WithTags("Tasks").Failures(400, 401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await tasks.ListForUserAsync(User.UserId(), request.Skip, request.Limit, ct), ct);
}
