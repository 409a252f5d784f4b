using FastEndpoints;
using Pipeline.Domain.LearningPaths;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.LearningPaths.Detail;

/// <summary>One path with its courses → sections → cards, for a learner it is assigned to (or an admin).</summary>
public sealed class Endpoint(LearningPathReader paths) : Endpoint<Request, LearningPathDetailResponse>
{
    public override void Configure()
    {
        Get("/api/learning-paths/{learning_path_id:long}");
        Description(d => d.WithTags("Learning paths").Failures(401, 403, 404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var assigned = await paths.IsAssignedAsync(User.UserId(), request.LearningPathId, ct) ?? throw ApiException.NotFound("Learning path not found");
        if (!assigned && !User.IsAdmin())
            throw ApiException.Forbidden("You do not have access to this learning path");
        var view = await paths.GetAsync(request.LearningPathId, withCards: true, ct) ?? throw ApiException.NotFound("Learning path not found");
        await Send.OkAsync(LearningPathDetailResponse.From(view), ct);
    }
}
