using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Progress.ForUser;

public sealed class Request : ProgressRequest
{
    public string UserId { get; init; } = "";

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Timeframe).Must(t => ProgressReport.Timeframes.Contains(t))
                .WithMessage($"timeframe must be one of {string.Join(", ", ProgressReport.Timeframes)}.");
            RuleFor(r => r.Milestone).MaximumLength(200);
        }
    }
}
