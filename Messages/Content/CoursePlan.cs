namespace Pipeline.Messages.Content;

/// <summary>A seed 001 course plan for a track: ordered modules, a summary and a greeting for the learner.</summary>
public record CoursePlan(string Title, string Summary, string Greeting, IReadOnlyList<CoursePlanModule> Modules);
