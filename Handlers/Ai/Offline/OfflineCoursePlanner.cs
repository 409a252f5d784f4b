using Pipeline.Handlers.Tracks;
using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>The offline provider's course plan for a track: modules from templates, sized by the track's hours, labelled.</summary>
public static class OfflineCoursePlanner
{
    private static readonly (string Suffix, string Description, string[] Objectives)[] Stages =
    [
        ("foundations", "The vocabulary and core ideas everything else builds on.", ["Name the key terms", "Explain the core ideas in your own words"]),
        ("core techniques", "The techniques practitioners use every day, one at a time.", ["Apply each core technique to a small example", "Choose a technique for a given problem"]),
        ("guided practice", "Worked problems of growing difficulty, with feedback.", ["Solve typical problems unaided", "Spot and fix common mistakes"]),
        ("applied project", "A small end-to-end project that uses what came before.", ["Plan a small project", "Carry it out and review the result"]),
        ("advanced topics", "Where to go next: deeper and less common material.", ["Read intermediate material independently", "Decide what to study next"]),
        ("review and assessment", "Consolidate, test yourself and close the gaps.", ["Pass a self-assessment", "List the remaining gaps and how to close them"]),
    ];

    public static CoursePlan Plan(CoursePlanInput input)
    {
        var title = string.IsNullOrWhiteSpace(input.Title) ? "Your track" : input.Title.Trim();
        var hours = input.EstimatedDurationHours is > 0 ? input.EstimatedDurationHours.Value : 12;
        var count = Math.Clamp((int)Math.Ceiling(hours / 5), 3, Stages.Length);
        var perModule = Math.Round(hours / count, 1);
        var modules = Stages.Take(count)
            .Select(stage => new CoursePlanModule($"{title}: {stage.Suffix}", $"{OfflineLabel.DescriptionPrefix} {stage.Description}",
                stage.Objectives, perModule))
            .ToList();
        var difficulty = string.IsNullOrWhiteSpace(input.DifficultyLevel) ? "any level" : input.DifficultyLevel.Trim();
        var summary = $"{OfflineLabel.DescriptionPrefix} A {count}-module plan for \"{title}\" ({difficulty}, about {hours:0.#} hours).";
        var lastWish = input.Dialogue.LastOrDefault(turn => turn.StartsWith("user:", StringComparison.Ordinal));
        if (lastWish is not null)
            summary += $" It takes the planning dialogue into account ({input.Dialogue.Count} turns; latest wish: \"{Shorten(lastWish[5..].Trim())}\").";
        var greeting = $"{OfflineLabel.DescriptionPrefix} Hello! Let's plan \"{title}\" together. Here is a first outline of {count} modules; tell me what to change.";
        return new CoursePlan(title, summary, greeting, modules);
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
