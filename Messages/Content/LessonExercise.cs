namespace Pipeline.Messages.Content;

public record LessonExercise(string Prompt, string Hint);
