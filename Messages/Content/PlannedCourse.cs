namespace Pipeline.Messages.Content;

public record PlannedCourse(string Title, string Description, IReadOnlyList<PlannedSection> Sections);
