using Pipeline.Handlers.Tracks;
using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>The offline provider's lesson for a module: templates around the module's title and objectives, labelled.</summary>
public static class OfflineLessonWriter
{
    public static LessonMaterials Write(LessonInput input)
    {
        var module = input.ModuleTitle.Trim();
        var objectives = input.Objectives.Count > 0 ? input.Objectives : ["Understand the module's core idea"];
        var explanation = $"""
            {OfflineLabel.DescriptionPrefix}

            # {module}

            {input.ModuleDescription}

            ## What you will learn
            {string.Join("\n", objectives.Select(o => "- " + o))}

            ## Explanation
            Start from the definitions, connect each new idea to one you already know, and try every idea on a small
            example before moving on. This text was written from templates, without a language model.
            """;
        return new LessonMaterials(
            explanation,
            [
                new LessonExample($"A first example of {module}", $"Apply \"{objectives[0]}\" to the simplest case you can think of.",
                    $"{OfflineLabel.DescriptionPrefix} Write the case down, name the idea it shows, and check the result against the definition."),
                new LessonExample("A common mistake", "Find the error in a solution that skips a step.",
                    $"{OfflineLabel.DescriptionPrefix} The skipped step is where the definition was not checked; redo it explicitly."),
            ],
            objectives.Select(o => new LessonExercise($"Practise: {o}.", "Start with a tiny case, then generalise.")).ToList(),
            [
                new QuizQuestion($"Which approach best starts studying \"{module}\"?",
                    ["Memorise everything at once", "Start from definitions and small examples", "Skip to advanced topics"], 1,
                    $"{OfflineLabel.DescriptionPrefix} Definitions and small examples build the base the rest needs."),
                new QuizQuestion("What should you do after each new idea?", ["Try it on an example", "Move on immediately"], 0,
                    $"{OfflineLabel.DescriptionPrefix} Trying an idea at once shows whether you understood it."),
            ]);
    }
}
