using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Courses.List;

/// <summary>Seed 004 <c>GET /api/v1/courses?filter=enrolled|created</c>, newest first.</summary>
public sealed class Endpoint(CourseCatalogue courses) : Endpoint<Request, ListPage<CourseSummary>>
{
    public override void Configure()
    {
        Get("/api/v1/courses");
        Description(d => d.WithTags("Courses").ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var filter = request.Filter switch
        {
            CourseListFilter.Enrolled => CourseFilter.Enrolled,
            CourseListFilter.Created => CourseFilter.Created,
            _ => CourseFilter.All,
        };
        var (items, total) = await courses.ListAsync(User.UserId(), filter, request.Limit, request.Offset, ct);
        await Send.OkAsync(new ListPage<CourseSummary>(items, total, request.Limit, request.Offset), ct);
    }
}
