using System.Globalization;
using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Analytics.Export;

public sealed class Request
{
    public static readonly string[] ReportTypes = ["learner_progress", "concept_analytics", "milestone_summary"];
    public static readonly string[] Formats = ["pdf", "csv", "xlsx"];
    public static readonly string[] Sections = ["summary", "detailed_progress", "recommendations"];

    public string ReportType { get; init; } = "";
    public string Format { get; init; } = "";
    public ExportFilters? Filters { get; init; }
    public List<string>? IncludeSections { get; init; }

    public sealed class ExportFilters
    {
        public string? StartDate { get; init; }
        public string? EndDate { get; init; }
        public List<string>? UserIds { get; init; }
        public List<string>? Milestones { get; init; }
    }

    public static bool IsDate(string? value) => value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ReportType).Must(t => ReportTypes.Contains(t)).WithMessage($"report_type must be one of {string.Join(", ", ReportTypes)}.");
            RuleFor(r => r.Format).Must(f => Formats.Contains(f)).WithMessage("format must be one of pdf, csv, xlsx.");
            RuleForEach(r => r.IncludeSections).Must(s => Sections.Contains(s)).WithMessage($"include_sections may name {string.Join(", ", Sections)}.");
            When(r => r.Filters is not null, () =>
            {
                RuleFor(r => r.Filters!.StartDate).Must(IsDate).WithMessage("filters.start_date must be a date (YYYY-MM-DD).");
                RuleFor(r => r.Filters!.EndDate).Must(IsDate).WithMessage("filters.end_date must be a date (YYYY-MM-DD).");
                RuleFor(r => r.Filters!).Must(f => f.StartDate is null || f.EndDate is null || !IsDate(f.StartDate) || !IsDate(f.EndDate)
                        || string.CompareOrdinal(f.StartDate, f.EndDate) <= 0)
                    .WithMessage("filters.start_date must not be after filters.end_date.").OverridePropertyName("filters.start_date");
                RuleFor(r => r.Filters!.UserIds).Must(ids => ids is null || ids.Count <= 1000 && ids.All(id => long.TryParse(id, NumberStyles.None,
                        CultureInfo.InvariantCulture, out var n) && n > 0))
                    .WithMessage("filters.user_ids must be at most 1000 user ids.");
                RuleFor(r => r.Filters!.Milestones).Must(m => m is null || m.Count <= 100 && m.All(x => x.Length is > 0 and <= 200))
                    .WithMessage("filters.milestones must be at most 100 names.");
            });
        }
    }
}
