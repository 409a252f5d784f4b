using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>
/// Which failed messages a list shows: <c>status</c> is <c>unresolved</c> (the list) by default; <c>archived</c> shows
/// what can be restored.
/// </summary>
public sealed class FailedMessageFilter
{
    [QueryParam] public string? Queue { get; init; }
    [QueryParam] public string? Group { get; init; }
    [QueryParam] public string? Status { get; init; }
    [QueryParam] public int Skip { get; init; }
    [QueryParam] public int Limit { get; init; } = 50;

    public sealed class Validator : Validator<FailedMessageFilter>
    {
        public Validator() => this.PagingRules(r => r.Skip, r => r.Limit);
    }
}
