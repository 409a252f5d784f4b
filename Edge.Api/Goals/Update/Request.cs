using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Goals.Update;

public sealed class Request
{
    public long Id { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public double? TargetValue { get; init; }
    public string? Unit { get; init; }
    public DateOnly? DueDate { get; init; }
    /// <summary>active | paused | abandoned | completed (completed only sticks once the target is reached).</summary>
    public GoalStatus? Status { get; init; }
    public long? CourseId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).GreaterThan(0).WithMessage("id must be a positive number.");
            RuleFor(r => r.Title!).NotEmpty().MaximumLength(200).When(r => r.Title is not null).WithMessage("title must be 1 to 200 characters.");
            RuleFor(r => r.Description!).MaximumLength(5000).When(r => r.Description is not null).WithMessage("description must be at most 5000 characters.");
            RuleFor(r => r.TargetValue).GreaterThan(0).LessThanOrEqualTo(1_000_000).When(r => r.TargetValue is not null)
                .WithMessage("target_value must be more than 0 and at most 1000000.");
            RuleFor(r => r.Unit!).NotEmpty().MaximumLength(50).When(r => r.Unit is not null).WithMessage("unit must be 1 to 50 characters.");
            RuleFor(r => r.CourseId).GreaterThan(0).When(r => r.CourseId is not null).WithMessage("course_id must be a positive number.");
        }
    }
}
