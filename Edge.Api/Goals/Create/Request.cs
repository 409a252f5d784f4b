using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Goals.Create;

public sealed class Request
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    /// <summary>The value that completes the goal (default 100, e.g. percent).</summary>
    public double TargetValue { get; init; } = 100;
    public string Unit { get; init; } = "percent";
    public DateOnly? DueDate { get; init; }
    public long? CourseId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("title is required.").MaximumLength(200).WithMessage("title must be at most 200 characters.");
            RuleFor(r => r.Description).MaximumLength(5000).WithMessage("description must be at most 5000 characters.");
            RuleFor(r => r.TargetValue).GreaterThan(0).LessThanOrEqualTo(1_000_000).WithMessage("target_value must be more than 0 and at most 1000000.");
            RuleFor(r => r.Unit).NotEmpty().MaximumLength(50).WithMessage("unit must be 1 to 50 characters.");
            RuleFor(r => r.CourseId).GreaterThan(0).When(r => r.CourseId is not null).WithMessage("course_id must be a positive number.");
        }
    }
}
