namespace Pipeline.Handlers.Ai;

/// <summary>The user message of the goal extraction call.</summary>
public record ExtractGoalsInput(string Prompt);
