namespace Pipeline.Handlers.Ai;

/// <summary>
/// The bounds model output must respect before it reaches the database. They keep a confused or hostile model from
/// producing a 500-course path, empty titles or megabyte-long cards.
/// </summary>
public static class LearningContentLimits
{
    public const int MinDays = 1;
    public const int MaxDays = 365;
    public const int MaxInterests = 10;
    public const int MaxCourses = 8;
    public const int MaxSectionsPerCourse = 8;
    public const int MaxKeywordsPerSection = 12;
    public const int MaxCardsPerSection = 20;

    /// <summary>Models miscount; one card fewer than asked is accepted, extra cards are dropped.</summary>
    public const int CardShortfallAllowed = 1;

    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxKeywordLength = 100;
    public const int MaxCardFrontLength = 500;
    public const int MaxCardBackLength = 2000;

    public static readonly IReadOnlyList<string> DifficultyLevels = ["beginner", "intermediate", "advanced"];
}
