using FluentValidation;

namespace Pipeline.Edge.Api.Tracks;

/// <summary>What a track's fields may hold (create and update share it).</summary>
public static class TrackRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 5000;
    public const double MaxHours = 10_000;
    public static readonly IReadOnlyList<string> DifficultyLevels = ["beginner", "intermediate", "advanced"];

    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string?> title, Func<T, string?> description, Func<T, string?> skillArea,
        Func<T, string?> difficulty, Func<T, double?> hours, Func<T, string?> expectations, bool titleRequired)
    {
        if (titleRequired)
            validator.RuleFor(r => title(r)).NotEmpty().WithName("title").WithMessage("title must not be empty.");
        validator.RuleFor(r => title(r)).Must(t => t is null || t.Trim().Length > 0).WithName("title").WithMessage("title must not be empty.")
            .MaximumLength(MaxTitleLength).WithName("title").WithMessage($"title must be at most {MaxTitleLength} characters.");
        validator.RuleFor(r => description(r)).MaximumLength(MaxTextLength).WithName("description")
            .WithMessage($"description must be at most {MaxTextLength} characters.");
        validator.RuleFor(r => skillArea(r)).MaximumLength(MaxTitleLength).WithName("skill_area")
            .WithMessage($"skill_area must be at most {MaxTitleLength} characters.");
        validator.RuleFor(r => difficulty(r)).Must(d => d is null || DifficultyLevels.Contains(d)).WithName("difficulty_level")
            .WithMessage($"difficulty_level must be one of: {string.Join(", ", DifficultyLevels)}.");
        validator.RuleFor(r => hours(r)).Must(h => h is null || (h >= 0 && h <= MaxHours && !double.IsNaN(h.Value))).WithName("estimated_duration_hours")
            .WithMessage($"estimated_duration_hours must be between 0 and {MaxHours}.");
        validator.RuleFor(r => expectations(r)).MaximumLength(MaxTextLength).WithName("user_expectations")
            .WithMessage($"user_expectations must be at most {MaxTextLength} characters.");
    }
}
