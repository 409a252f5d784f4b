namespace Pipeline.Domain.Platform;

public sealed record NoteChange(string? Title, string? Content, long? CourseId, string[]? Tags);
