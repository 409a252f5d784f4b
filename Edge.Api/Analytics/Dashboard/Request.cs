using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed class Request
{
    [QueryParam] public string Timeframe { get; init; } = "month";
    [QueryParam, BindFrom("user_id")] public long? UserId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Timeframe).Must(t => Timeframes.Days.ContainsKey(t)).WithMessage("timeframe must be one of week, month, quarter, year.");
            RuleFor(r => r.UserId).GreaterThan(0).WithMessage("user_id must be a positive integer.");
        }
    }
}
