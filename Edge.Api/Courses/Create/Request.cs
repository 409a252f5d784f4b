using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Courses.Create;

public sealed class Request
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string? SkillArea { get; init; }
    public DifficultyLevel? DifficultyLevel { get; init; }
    public double? EstimatedDurationHours { get; init; }
    /// <summary>private (default: the creator and enrolled users) or public (every user; instructors and admins only).</summary>
    public CourseVisibility Visibility { get; init; } = CourseVisibility.Private;
    public ModuleInput[] Modules { get; init; } = [];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("title is required.").MaximumLength(200).WithMessage("title must be at most 200 characters.");
            RuleFor(r => r.Description).MaximumLength(5000).WithMessage("description must be at most 5000 characters.");
            RuleFor(r => r.SkillArea).MaximumLength(100).WithMessage("skill_area must be at most 100 characters.");
            RuleFor(r => r.EstimatedDurationHours).InclusiveBetween(0.1, 10_000).When(r => r.EstimatedDurationHours is not null)
                .WithMessage("estimated_duration_hours must be between 0.1 and 10000.");
            RuleFor(r => r.Modules).Must(m => m.Length <= 100).WithMessage("modules must have at most 100 entries.");
            RuleForEach(r => r.Modules).ChildRules(module =>
            {
                module.RuleFor(m => m.Title).NotEmpty().WithMessage("a module needs a title.").MaximumLength(200).WithMessage("a module title must be at most 200 characters.");
                module.RuleFor(m => m.Description).MaximumLength(5000).WithMessage("a module description must be at most 5000 characters.");
                module.RuleFor(m => m.Objectives).Must(o => o.Length <= 30 && o.All(x => x.Length is > 0 and <= 300)).WithMessage("objectives: at most 30, each 1 to 300 characters.");
                module.RuleFor(m => m.Keywords).Must(k => k.Length <= 30 && k.All(x => x.Length is > 0 and <= 100)).WithMessage("keywords: at most 30, each 1 to 100 characters.");
                module.RuleFor(m => m.EstimatedHours).InclusiveBetween(0.1, 1000).When(m => m.EstimatedHours is not null).WithMessage("estimated_hours must be between 0.1 and 1000.");
            });
        }
    }
}
