using System.Text;
using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Lists;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Messages.Resources;

namespace Pipeline.Edge.Api.Resources.Recommend;

/// <summary>
/// Seed 004 <c>POST /api/v1/resources/recommend</c> with <c>{context: {courses, goals, recentActivity}}</c>: recommended
/// resources, each with a <c>reason</c>. Handlers picks candidates by embedding and the LLM ranks and explains
/// (request client, bounded wait). A course or goal the user cannot see is 403. Rate limited per user.
/// </summary>
public sealed class Endpoint(CourseCatalogue courses, GoalStore goals, ResourceStore resources, IRequestClient<RecommendResources> recommend)
    : Endpoint<Request, ListPage<RecommendedResourceView>>
{
    public override void Configure()
    {
        Post("/api/v1/resources/recommend");
        PreProcessor<AiRateLimit<Request>>();
        Description(d => d.WithTags("Resources").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429).ProducesProblem(504));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        var context = new StringBuilder();
        foreach (var courseId in request.Context!.Courses.Distinct())
            context.Append("Course: ").Append(await courses.DescribeAsync(userId, courseId, ct)
                ?? throw new ApiException(StatusCodes.Status403Forbidden, "A course in context is not one you can see.",
                    details: new[] { new { field = "context.courses", message = $"course {courseId} is not one you can see" } })).Append('\n');
        foreach (var goalId in request.Context.Goals.Distinct())
        {
            var goal = await goals.FindAsync(userId, goalId, ct)
                ?? throw new ApiException(StatusCodes.Status403Forbidden, "A goal in context is not yours.",
                    details: new[] { new { field = "context.goals", message = $"goal {goalId} is not yours" } });
            context.Append("Goal: ").Append(goal.Title).Append(". ").Append(goal.Description).Append('\n');
        }
        foreach (var activity in request.Context.RecentActivity)
            context.Append("Recently: ").Append(activity).Append('\n');
        if (context.Length == 0)
            throw ApiException.BadRequest("context needs at least one course, goal or recent activity.",
                new[] { new { field = "context", message = "empty" } });

        Response<ResourcesRecommended> answer;
        try
        {
            answer = await recommend.GetResponse<ResourcesRecommended>(new RecommendResources(userId, context.ToString(), request.Limit), ct,
                RequestTimeout.After(s: 30));
        }
        catch (RequestTimeoutException)
        {
            throw new ApiException(StatusCodes.Status504GatewayTimeout, "The recommender did not answer in time; please try again.");
        }
        var found = (await resources.FindVisibleAsync(userId, answer.Message.Items.Select(i => i.ResourceId).ToList(), ct)).ToDictionary(r => r.Id);
        var items = answer.Message.Items.Where(i => found.ContainsKey(i.ResourceId))
            .Select(i => new RecommendedResourceView(ResourceHit.From(found[i.ResourceId], similarity: i.Similarity), i.Reason, answer.Message.Provider))
            .ToList();
        await Send.OkAsync(new ListPage<RecommendedResourceView>(items, items.Count, request.Limit, 0), ct);
    }
}
