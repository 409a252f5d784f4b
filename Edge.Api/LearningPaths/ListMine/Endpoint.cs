using FastEndpoints;
using Pipeline.Domain.LearningPaths;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.LearningPaths.ListMine;

/// <summary>The caller's learning paths, newest first.</summary>
public sealed class Endpoint(LearningPathReader paths) : Endpoint<Request, IReadOnlyList<LearningPathSummary>>
{
    public override void Configure()
    {
        Get("/api/learning-paths");
        Description(d => d.WithTags("Learning paths").Failures(400, 401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await paths.ListForUserAsync(User.UserId(), request.Skip, request.Limit, ct), ct);
}
