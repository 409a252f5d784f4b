namespace Pipeline.Domain.Tasks;

/// <summary>A task as operations search it: the seed 002 status plus its owner, LLM and failure details.</summary>
public sealed record OpsTask(string TaskId, Guid CorrelationId, long UserId, string UserEmail, string Status, string? Stage,
    double Progress, int? TotalItems, int CompletedItems, string? ErrorDetails, string? LlmProvider, string? LlmModel,
    long PromptTokens, long CompletionTokens, DateTime CreatedAt, DateTime UpdatedAt, DateTime? EndedAt);
