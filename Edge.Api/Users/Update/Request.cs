using System.Text.Json;
using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Users.Update;

public sealed class Request
{
    public long Id { get; init; }
    public string? Name { get; init; }
    /// <summary>Any JSON object; merged into the stored preferences key by key.</summary>
    public JsonElement? Preferences { get; init; }
    public LearningProfileChange? LearningProfile { get; init; }
    /// <summary>An IANA time zone ("Europe/Berlin"); the schedule's dates are read in it.</summary>
    public string? TimeZone { get; init; }
    /// <summary>Only an admin may set roles.</summary>
    public UserRole[]? Roles { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).GreaterThan(0).WithMessage("id must be a positive number.");
            RuleFor(r => r.Name!).NotEmpty().MaximumLength(200).When(r => r.Name is not null).WithMessage("name must be 1 to 200 characters.");
            RuleFor(r => r.Preferences).Must(p => p is null || p.Value.ValueKind == JsonValueKind.Object)
                .WithMessage("preferences must be a JSON object.")
                .Must(p => p is null || p.Value.GetRawText().Length <= 16_000).WithMessage("preferences must be at most 16,000 characters of JSON.");
            RuleFor(r => r.TimeZone!).Must(BeATimeZone).When(r => r.TimeZone is not null)
                .WithMessage("time_zone must be an IANA time zone such as Europe/Berlin.");
            RuleFor(r => r.Roles!).NotEmpty().Must(roles => roles.Length <= 3).When(r => r.Roles is not null)
                .WithMessage("roles must name at least one of student, instructor, admin.");
            RuleForEach(r => r.LearningProfile!.Strengths).NotEmpty().MaximumLength(200).When(r => r.LearningProfile?.Strengths is not null);
            RuleForEach(r => r.LearningProfile!.AreasForImprovement).NotEmpty().MaximumLength(200).When(r => r.LearningProfile?.AreasForImprovement is not null);
        }

        private static bool BeATimeZone(string id) => id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
    }
}
