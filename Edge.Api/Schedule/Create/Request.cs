using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Schedule.Create;

public sealed class Request
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    /// <summary>ISO 8601 with an offset (2026-12-07T09:00:00+01:00).</summary>
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    /// <summary>An RFC 5545 RRULE (FREQ=WEEKLY;BYDAY=MO,WE), repeated at the same local time in the user's time zone.</summary>
    public string? Recurring { get; init; }
    public long? GoalId { get; init; }
    public long? CourseId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("title is required.").MaximumLength(200).WithMessage("title must be at most 200 characters.");
            RuleFor(r => r.Description).MaximumLength(5000).WithMessage("description must be at most 5000 characters.");
            RuleFor(r => r.Start).NotNull().WithMessage("start is required.");
            RuleFor(r => r.End).NotNull().WithMessage("end is required.")
                .Must((r, end) => r.Start is null || end is null || end > r.Start).WithMessage("end must be after start.")
                .Must((r, end) => r.Start is null || end is null || end - r.Start <= TimeSpan.FromDays(7)).WithMessage("a block lasts at most 7 days.");
            RuleFor(r => r.Recurring!).MaximumLength(500).Must(rule => Recurrence.Problem(rule) is null).When(r => r.Recurring is not null)
                .WithMessage(r => Recurrence.Problem(r.Recurring!) ?? "recurring must be at most 500 characters.");
            RuleFor(r => r.GoalId).GreaterThan(0).When(r => r.GoalId is not null).WithMessage("goal_id must be a positive number.");
            RuleFor(r => r.CourseId).GreaterThan(0).When(r => r.CourseId is not null).WithMessage("course_id must be a positive number.");
        }
    }
}
