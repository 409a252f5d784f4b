namespace Pipeline.Edge.Api.LearningPaths;

/// <summary>Seed 000's body: <c>{"prompt": "I want to learn about trading in 30 days"}</c>.</summary>
public sealed record GenerateLearningPathRequest(string? Prompt);
