using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Notes.List;

public sealed class Request : ListQuery
{
    [QueryParam] public long? CourseId { get; init; }

    public sealed class Validator : ListQueryValidator<Request>
    {
        public Validator() => RuleFor(r => r.CourseId).GreaterThan(0).When(r => r.CourseId is not null).WithMessage("course_id must be a positive number.");
    }
}
