using System.Text.Json;
using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Goals.List;

/// <summary>Seed 004 <c>GET /api/v1/goals</c>: the caller's goals, newest first, optionally of one status.</summary>
public sealed class Endpoint(GoalStore goals) : Endpoint<Request, ListPage<Goal>>
{
    public override void Configure()
    {
        Get("/api/v1/goals");
        Description(d => d.WithTags("Goals").ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var status = request.Status is { } s ? JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()) : null;
        var (items, total) = await goals.ListAsync(User.UserId(), status, request.Limit, request.Offset, ct);
        await Send.OkAsync(new ListPage<Goal>(items, total, request.Limit, request.Offset), ct);
    }
}
