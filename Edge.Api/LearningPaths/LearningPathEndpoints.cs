using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Domain.LearningPaths;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.LearningPaths;

/// <summary>The result of generation: my paths, and one path with courses → sections → cards.</summary>
public static class LearningPathEndpoints
{
    public static void MapLearningPathEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/learning-paths").WithTags("Learning paths").RequireAuthorization();
        group.MapGet("/", ListMineAsync);
        group.MapGet("/{learning_path_id:long}", GetAsync);
    }

    private static async Task<Ok<IReadOnlyList<LearningPathSummary>>> ListMineAsync(ClaimsPrincipal user, LearningPathReader paths,
        CancellationToken cancellationToken, int skip = 0, int limit = 20)
    {
        Paging.Validate(skip, limit);
        return TypedResults.Ok(await paths.ListForUserAsync(user.UserId(), skip, limit, cancellationToken));
    }

    private static async Task<Ok<LearningPathDetailResponse>> GetAsync(long learning_path_id, ClaimsPrincipal user, LearningPathReader paths,
        CancellationToken cancellationToken)
    {
        var assigned = await paths.IsAssignedAsync(user.UserId(), learning_path_id, cancellationToken)
            ?? throw ApiException.NotFound("Learning path not found");
        if (!assigned && !user.IsAdmin())
            throw ApiException.Forbidden("You do not have access to this learning path");
        var view = await paths.GetAsync(learning_path_id, withCards: true, cancellationToken)
            ?? throw ApiException.NotFound("Learning path not found");
        return TypedResults.Ok(LearningPathDetailResponse.From(view));
    }
}
