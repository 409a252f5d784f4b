using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Assistant.CreatePlan;

/// <summary><c>{goalId | courseId}</c>, named as the seed writes them.</summary>
public sealed class Request
{
    [JsonPropertyName("goalId")] public long? GoalId { get; init; }
    [JsonPropertyName("courseId")] public long? CourseId { get; init; }
    /// <summary>The first day sessions may be on (in the user's time zone); default tomorrow.</summary>
    public DateOnly? StartDate { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.StartDate).Must(d => d is null || d >= DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)))
            .WithMessage("start_date must not be in the past.");
    }
}
