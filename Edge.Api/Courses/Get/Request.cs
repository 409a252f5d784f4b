using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Courses.Get;

public sealed class Request
{
    public long Id { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Id).GreaterThan(0).WithMessage("id must be a positive number.");
    }
}
