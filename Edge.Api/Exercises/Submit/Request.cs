using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Exercises.Submit;

public sealed class Request
{
    public string ExerciseId { get; init; } = "";
    public Guid SessionId { get; init; }
    public Solution? Solution { get; init; }
    public bool RequestFeedback { get; init; } = true;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.SessionId).NotEmpty().WithMessage("session_id is required (from POST /exercises/{id}/start).");
            RuleFor(r => r.Solution).NotNull().WithMessage("solution is required.");
            RuleFor(r => r.Solution!.Code).MaximumLength(20_000).WithMessage("solution.code must be at most 20000 characters.").When(r => r.Solution is not null);
            RuleFor(r => r.Solution!.Answers).Must(a => a is null || a.Count <= 50).WithMessage("solution.answers has at most 50 entries.").When(r => r.Solution is not null);
            RuleFor(r => r.Solution!.Language).MaximumLength(50).When(r => r.Solution is not null);
            RuleFor(r => r.Solution!.ExecutionTime).GreaterThanOrEqualTo(0).When(r => r.Solution is not null);
        }
    }
}
