using System.ComponentModel;
using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>
/// Which failed messages a list shows: <c>status</c> is <c>unresolved</c> (the list) by default; <c>archived</c> shows
/// what can be restored.
/// </summary>
public sealed class FailedMessageFilter
{
    [QueryParam, BindFrom("queue")] public string? Queue { get; init; }
    [QueryParam, BindFrom("group")] public string? Group { get; init; }
    [QueryParam, BindFrom("status")] public string? Status { get; init; }
    [QueryParam, BindFrom("skip"), DefaultValue(0)] public int Skip { get; init; }
    [QueryParam, BindFrom("limit"), DefaultValue(50)] public int Limit { get; init; } = 50;

    public sealed class Validator : Validator<FailedMessageFilter>
    {
        public Validator() => this.PagingRules(r => r.Skip, r => r.Limit);
    }
}
