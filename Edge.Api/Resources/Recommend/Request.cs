using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Resources.Recommend;

public sealed class Request
{
    public RecommendationContext? Context { get; init; }
    public int Limit { get; init; } = 5;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Context).NotNull().WithMessage("context is required: {courses, goals, recentActivity}.");
            RuleFor(r => r.Limit).InclusiveBetween(1, 10).WithMessage("limit must be between 1 and 10.");
            RuleFor(r => r.Context!.Courses).Must(c => c.Length <= 20).When(r => r.Context is not null).WithMessage("context.courses: at most 20.");
            RuleFor(r => r.Context!.Goals).Must(g => g.Length <= 20).When(r => r.Context is not null).WithMessage("context.goals: at most 20.");
            RuleFor(r => r.Context!.RecentActivity).Must(a => a.Length <= 20 && a.All(x => x.Length is > 0 and <= 500)).When(r => r.Context is not null)
                .WithMessage("context.recentActivity: at most 20 entries of 1 to 500 characters.");
        }
    }
}
