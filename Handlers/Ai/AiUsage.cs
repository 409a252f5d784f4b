namespace Pipeline.Handlers.Ai;

/// <summary>What one operation cost, recorded per task. <paramref name="Calls"/> counts repairs too.</summary>
public record AiUsage(string Provider, string Model, long PromptTokens, long CompletionTokens, int Calls);
