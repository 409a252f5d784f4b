using System.Text.Json;
using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Resources.Search;

/// <summary>
/// Seed 004 <c>GET /api/v1/resources?q=&amp;type=</c>: with <c>q</c>, full-text and semantic search merged and ranked
/// (<see cref="ResourceSearch"/>); without, the catalogue and the user's own resources, newest first.
/// </summary>
public sealed class Endpoint(ResourceSearch search, ResourceStore resources) : Endpoint<Request, ListPage<ResourceHit>>
{
    public override void Configure()
    {
        Get("/api/v1/resources");
        Description(d => d.WithTags("Resources").ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        var type = request.Type is { } t ? JsonNamingPolicy.SnakeCaseLower.ConvertName(t.ToString()) : null;
        if (string.IsNullOrWhiteSpace(request.Q))
        {
            var (items, total) = await resources.ListAsync(userId, type, request.Limit, request.Offset, ct);
            await Send.OkAsync(new ListPage<ResourceHit>(items.Select(r => ResourceHit.From(r)).ToList(), total, request.Limit, request.Offset), ct);
            return;
        }
        var (hits, count) = await search.SearchAsync(userId, request.Q.Trim(), type, request.Limit, request.Offset, ct);
        await Send.OkAsync(new ListPage<ResourceHit>(hits, count, request.Limit, request.Offset), ct);
    }
}
