namespace Pipeline.Domain.Tasks;

public sealed record LlmUsageMetric(string Provider, string Model, long Tasks, long Calls, long PromptTokens, long CompletionTokens);
