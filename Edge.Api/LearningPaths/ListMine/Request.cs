using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.LearningPaths.ListMine;

public sealed class Request
{
    [QueryParam] public int Skip { get; init; }
    [QueryParam] public int Limit { get; init; } = 20;

    public sealed class Validator : Validator<Request>
    {
        public Validator() => this.PagingRules(r => r.Skip, r => r.Limit);
    }
}
