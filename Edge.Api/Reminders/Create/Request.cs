using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Reminders.Create;

public sealed class Request
{
    /// <summary>What to remind of.</summary>
    public string Message { get; init; } = "";
    /// <summary>When (ISO 8601 with an offset); a time already past is delivered at once.</summary>
    public DateTimeOffset? RemindAt { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Message).NotEmpty().WithMessage("message is required.").MaximumLength(500).WithMessage("message must be at most 500 characters.");
            RuleFor(r => r.RemindAt).NotNull().WithMessage("remind_at is required.")
                .Must(at => at is null || at > DateTimeOffset.UtcNow.AddMinutes(-5)).WithMessage("remind_at must not be in the past.")
                .Must(at => at is null || at < DateTimeOffset.UtcNow.AddYears(1)).WithMessage("remind_at must be within a year.");
        }
    }
}
