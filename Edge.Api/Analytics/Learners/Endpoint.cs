using FastEndpoints;
using Pipeline.Domain.Analytics;

namespace Pipeline.Edge.Api.Analytics.Learners;

/// <summary>
/// The learners an instructor can open in the learner analytics (<c>/analytics/learner/{user_id}</c>): not in seed 003,
/// which gives no way to find a learner's id; under its analytics prefix, with its paging and error shape. Instructors
/// and admins only.
/// </summary>
public sealed class Endpoint(AnalyticsRollupStore rollups) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/analytics/learners");
        Policies(Auth.Policies.Instructor);
        Description(d => d.WithTags("LearnTrac analytics").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (items, total) = await rollups.LearnersAsync(request.Q, request.Limit, request.Offset, ct);
        await Send.OkAsync(new Response(items.Select(LearnerItem.From).ToList(), total, request.Limit, request.Offset), ct);
    }
}
