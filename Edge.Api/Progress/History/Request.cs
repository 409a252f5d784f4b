using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Progress.History;

public sealed class Request
{
    [QueryParam] public DateOnly? StartDate { get; init; }
    [QueryParam] public DateOnly? EndDate { get; init; }
    [QueryParam] public string Granularity { get; init; } = "day";

    public static readonly string[] Granularities = ["day", "week", "month"];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Granularity).Must(g => Granularities.Contains(g)).WithMessage("granularity must be one of day, week, month.");
            RuleFor(r => r).Must(r => r.StartDate is null || r.EndDate is null || r.StartDate <= r.EndDate)
                .WithName("end_date").WithMessage("end_date must not be before start_date.");
            RuleFor(r => r).Must(r => (r.EndDate ?? DateOnly.FromDateTime(DateTime.UtcNow)).DayNumber - (r.StartDate ?? DateOnly.MinValue).DayNumber <= 3 * 366
                                       || r.StartDate is null)
                .WithName("start_date").WithMessage("The range can span at most three years.");
        }
    }
}
