namespace Pipeline.Messages.Tracks;

public sealed record LessonGenerationFailed(Guid TaskId, long ModuleId, string Reason);
