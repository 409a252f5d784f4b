using System.Text.Json;
using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Messages.Resources;

namespace Pipeline.Edge.Api.Resources.Add;

/// <summary>
/// Seed 004 <c>POST /api/v1/resources</c>: a manual resource, or one the recommender suggested; 201 (200 with the first
/// when the user added the URL before). Handlers computes its embedding (<see cref="EmbedResource"/>); until then full
/// text finds it.
/// </summary>
public sealed class Endpoint(ResourceStore resources, ISendEndpointProvider bus) : Endpoint<Request, ResourceHit>
{
    public override void Configure()
    {
        Post("/api/v1/resources");
        Description(d => d.WithTags("Resources").Produces<ResourceHit>(StatusCodes.Status200OK).Produces<ResourceHit>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (resource, created) = await resources.AddAsync(new NewResource(request.Title.Trim(), Name(request.Type), request.Url.Trim(),
            request.Description, request.Tags.Select(t => t.Trim()).Distinct().ToArray(), Name(request.Source), User.UserId()), ct);
        if (!resource.Embedded)
            await (await bus.GetSendEndpoint(new Uri($"queue:{ResourceQueues.EmbedResources}"))).Send(new EmbedResource(resource.Id), ct);
        await Send.ResponseAsync(ResourceHit.From(resource), created ? StatusCodes.Status201Created : StatusCodes.Status200OK, ct);
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
