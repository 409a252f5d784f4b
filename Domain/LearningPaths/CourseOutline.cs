namespace Pipeline.Domain.LearningPaths;

public sealed record CourseOutline(long CourseId, string Title, string Description, IReadOnlyList<SectionOutline> Sections);
