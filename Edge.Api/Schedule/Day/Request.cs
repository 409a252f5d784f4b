using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Schedule.Day;

public sealed class Request : ListQuery
{
    /// <summary>YYYY-MM-DD, a day in the user's time zone.</summary>
    [QueryParam] public DateOnly? Date { get; init; }

    public sealed class Validator : ListQueryValidator<Request>
    {
        public Validator() => RuleFor(r => r.Date).NotNull().WithMessage("date is required (YYYY-MM-DD).");
    }
}
