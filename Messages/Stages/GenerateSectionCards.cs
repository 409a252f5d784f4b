namespace Pipeline.Messages.Stages;

/// <summary>Stage command, one per section: generate and store that section's cards. Idempotent per section.</summary>
public record GenerateSectionCards(
    Guid TaskId,
    long LearningPathId,
    long SectionId,
    string PathTitle,
    string CourseTitle,
    string SectionTitle,
    IReadOnlyList<string> Keywords,
    string DifficultyLevel,
    int CardCount);
