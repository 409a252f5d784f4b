namespace Pipeline.Messages.Stages;

/// <summary>Stage command, one per section: generate and store that section's cards. Idempotent per section.</summary>
/// <param name="Attempt">Which run of the task sent it (0, then one more per retry): a fault from an earlier run is not the current run's failure.</param>
public record GenerateSectionCards(
    Guid TaskId,
    long LearningPathId,
    long SectionId,
    string PathTitle,
    string CourseTitle,
    string SectionTitle,
    IReadOnlyList<string> Keywords,
    string DifficultyLevel,
    int CardCount,
    int Attempt = 0);
