namespace Pipeline.Handlers.Ai;

public record SectionCardRequest(
    string PathTitle,
    string CourseTitle,
    string SectionTitle,
    IReadOnlyList<string> Keywords,
    string DifficultyLevel,
    int CardCount);
