namespace Pipeline.Messages.Stages;

public record SavedSection(long SectionId, string CourseTitle, string Title, IReadOnlyList<string> Keywords);
