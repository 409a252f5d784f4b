namespace Pipeline.Messages.Content;

public record CoursePlanModule(string Title, string Description, IReadOnlyList<string> Objectives, double EstimatedHours);
