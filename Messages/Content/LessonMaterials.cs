namespace Pipeline.Messages.Content;

/// <summary>Seed 001 generate-lesson: a module's explanation (Markdown), worked examples, exercises and a short quiz.</summary>
public record LessonMaterials(
    string ExplanationMarkdown,
    IReadOnlyList<LessonExample> Examples,
    IReadOnlyList<LessonExercise> Exercises,
    IReadOnlyList<QuizQuestion> Quiz);
