namespace Pipeline.Messages.Content;

public record LessonExample(string Title, string Problem, string Solution);
