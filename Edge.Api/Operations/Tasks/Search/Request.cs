using System.ComponentModel;
using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.Tasks.Search;

public sealed class Request
{
    [QueryParam, BindFrom("status")] public string? Status { get; init; }
    [QueryParam, BindFrom("stage")] public string? Stage { get; init; }

    /// <summary>A user id, or (part of) an email address.</summary>
    [QueryParam, BindFrom("user")] public string? User { get; init; }

    /// <summary>Created at or after (ISO 8601).</summary>
    [QueryParam, BindFrom("from")] public DateTimeOffset? From { get; init; }

    /// <summary>Created before (ISO 8601).</summary>
    [QueryParam, BindFrom("to")] public DateTimeOffset? To { get; init; }

    [QueryParam, BindFrom("skip"), DefaultValue(0)] public int Skip { get; init; }
    [QueryParam, BindFrom("limit"), DefaultValue(50)] public int Limit { get; init; } = 50;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            this.PagingRules(r => r.Skip, r => r.Limit);
            RuleFor(r => r.From).Must((r, from) => from is null || r.To is null || from <= r.To).WithMessage("from must not be after to.");
        }
    }
}
