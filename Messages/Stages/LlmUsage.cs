namespace Pipeline.Messages.Stages;

/// <summary>Tokens and calls one stage spent, added up per task by the saga.</summary>
public record LlmUsage(string Provider, string Model, long PromptTokens, long CompletionTokens, int Calls)
{
    public static readonly LlmUsage None = new("none", "none", 0, 0, 0);
}
