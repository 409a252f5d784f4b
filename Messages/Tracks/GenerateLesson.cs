namespace Pipeline.Messages.Tracks;

/// <summary>
/// Generate a module's lesson materials and store them on the module, completing the background task
/// <paramref name="TaskId"/> (a <c>user_tasks</c> row of kind 'lesson' the seed 002 routes follow). Queue
/// <c>generate-lesson</c>; as a request, answered with <see cref="LessonGenerated"/> or <see cref="LessonGenerationFailed"/>.
/// Idempotent: a module whose task already completed is not generated again.
/// </summary>
public sealed record GenerateLesson(Guid TaskId, long UserId, long ModuleId);
