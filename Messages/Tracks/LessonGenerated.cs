namespace Pipeline.Messages.Tracks;

public sealed record LessonGenerated(Guid TaskId, long ModuleId);
