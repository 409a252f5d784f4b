namespace Pipeline.Messages.Content;

public record PlannedSection(string Title, IReadOnlyList<string> Keywords);
