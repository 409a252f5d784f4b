using FastEndpoints;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Goals.List;

public sealed class Request : ListQuery
{
    [QueryParam] public GoalStatus? Status { get; init; }

    public sealed class Validator : ListQueryValidator<Request>;
}
