using FastEndpoints;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Courses.List;

public sealed class Request : ListQuery
{
    /// <summary>enrolled | created; without it, every course the user can see.</summary>
    [QueryParam] public CourseListFilter? Filter { get; init; }

    public sealed class Validator : ListQueryValidator<Request>;
}
