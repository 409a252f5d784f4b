namespace Pipeline.Messages.Content;

/// <summary>A learning path as planned, before it is saved: path → courses → sections with keywords.</summary>
public record PlannedPath(string Title, string Description, IReadOnlyList<PlannedCourse> Courses);
