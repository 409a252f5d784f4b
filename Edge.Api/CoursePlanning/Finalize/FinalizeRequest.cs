using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

public sealed class FinalizeRequest : IPlanningRequest
{
    public long? SessionId { get; init; }
    public long? TrackId { get; init; }

    /// <summary>Finalising is about a session, never one chat of it.</summary>
    long? IPlanningRequest.ChatId => null;

    /// <summary>Optional: a plan (as generate-plan returns it) to use instead of the session's draft.</summary>
    public PlanView? Plan { get; init; }

    public sealed class Validator : Validator<FinalizeRequest>
    {
        public Validator()
        {
            RuleFor(r => r.SessionId).NotNull().WithMessage("session_id is required.");
            RuleFor(r => r.Plan).Must(plan => plan!.Modules is { Count: > 0 and <= 50 }).WithName("plan")
                .WithMessage("plan.modules must have 1 to 50 modules.").When(r => r.Plan is not null);
            RuleFor(r => r.Plan).Must(plan => plan!.Modules is null || plan.Modules.All(m => m is not null && !string.IsNullOrWhiteSpace(m.Title)
                    && m.Title.Length <= TrackRules.MaxTitleLength && m.EstimatedHours is null or >= 0))
                .WithName("plan").WithMessage("every module needs a title (at most 200 characters) and non-negative estimated_hours.")
                .When(r => r.Plan is not null);
        }
    }
}
