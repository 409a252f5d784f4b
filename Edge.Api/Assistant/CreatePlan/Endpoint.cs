using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Schedule.Accept;
using Pipeline.Messages.Plans;

namespace Pipeline.Edge.Api.Assistant.CreatePlan;

/// <summary>
/// Seed 004 <c>POST /api/v1/ai/create-plan</c> <c>{goalId | courseId}</c>: a study plan with schedule suggestions,
/// written by Handlers (request client, bounded wait). A course's modules become sessions; a goal's remaining value is
/// spread over sessions. Another user's goal or a course the user cannot see is 404. Rate limited per user.
/// </summary>
public sealed class Endpoint(GoalStore goals, CourseCatalogue courses, UserStore users, IRequestClient<CreateStudyPlan> planner)
    : Endpoint<Request, StudyPlan>
{
    public override void Configure()
    {
        Post("/api/v1/ai/create-plan");
        PreProcessor<AiRateLimit<Request>>();
        Description(d => d.WithTags("AI assistant").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(429).ProducesProblem(504));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if ((request.GoalId is null) == (request.CourseId is null))
            throw ApiException.BadRequest("Give exactly one of goalId or courseId.", new[] { new { field = "goalId", message = "give exactly one of goalId or courseId" } });
        var userId = User.UserId();
        var timeZone = (await users.FindAsync(userId, ct))?.TimeZone ?? "UTC";
        string title, description;
        List<StudyStep> steps;
        if (request.CourseId is { } courseId)
        {
            var (course, modules) = await courses.FindVisibleAsync(userId, courseId, ct)
                ?? throw new ApiException(StatusCodes.Status404NotFound, "Course not found", details: new[] { new { field = "courseId", message = "no course you can see" } });
            (title, description) = (course.Title, course.Description);
            steps = modules.Count > 0
                ? modules.Select(m => new StudyStep(m.Title, m.Description, m.EstimatedHours ?? 1)).ToList()
                : [new StudyStep(course.Title, course.Description, course.EstimatedDurationHours ?? 2)];
        }
        else
        {
            var goal = await goals.FindAsync(userId, request.GoalId!.Value, ct)
                ?? throw new ApiException(StatusCodes.Status404NotFound, "Goal not found", details: new[] { new { field = "goalId", message = "no goal of yours" } });
            (title, description) = (goal.Title, goal.Description);
            var remaining = Math.Max(0, goal.TargetValue - goal.CurrentValue);
            var count = Math.Clamp((int)Math.Ceiling(remaining / Math.Max(1, goal.TargetValue / 5)), 1, 10);
            steps = Enumerable.Range(1, count)
                .Select(i => new StudyStep($"{goal.Title}: step {i} of {count}", $"About {remaining / count:0.#} {goal.Unit} towards the goal.", 1))
                .ToList();
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var firstDay = request.StartDate ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(1);
        Response<StudyPlanCreated> answer;
        try
        {
            answer = await planner.GetResponse<StudyPlanCreated>(
                new CreateStudyPlan(userId, title, description, steps, zone.Id, firstDay, request.GoalId, request.CourseId), ct, RequestTimeout.After(s: 30));
        }
        catch (RequestTimeoutException)
        {
            throw new ApiException(StatusCodes.Status504GatewayTimeout, "The planner did not answer in time; please try again.");
        }
        var blocks = answer.Message.Sessions
            .Select(s => new BlockInput { Title = s.Title, Description = s.Description, Start = s.Start, End = s.End, GoalId = request.GoalId, CourseId = request.CourseId })
            .ToList();
        await Send.OkAsync(new StudyPlan(title, answer.Message.Summary, answer.Message.Provider, request.GoalId, request.CourseId, blocks,
            "POST /api/v1/schedule/accept {\"blocks\": suggested_blocks}"), ct);
    }
}
