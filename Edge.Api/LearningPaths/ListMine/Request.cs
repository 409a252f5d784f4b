using System.ComponentModel;
using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.LearningPaths.ListMine;

public sealed class Request
{
    [QueryParam, BindFrom("skip"), DefaultValue(0)] public int Skip { get; init; }
    [QueryParam, BindFrom("limit"), DefaultValue(20)] public int Limit { get; init; } = 20;

    public sealed class Validator : Validator<Request>
    {
        public Validator() => this.PagingRules(r => r.Skip, r => r.Limit);
    }
}
