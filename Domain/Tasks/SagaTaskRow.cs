namespace Pipeline.Domain.Tasks;

/// <summary>What the learning-path saga writes to its task row (<see cref="TaskStore.SagaUpsert"/>) from its state.</summary>
public sealed record SagaTaskRow(
    string TaskId,
    Guid CorrelationId,
    long UserId,
    long? LearningPathId,
    string Status,
    string? Stage,
    double Progress,
    int? TotalItems,
    int CompletedItems,
    string? ResultMessage,
    string? ErrorDetails,
    string Prompt,
    long PromptTokens,
    long CompletionTokens,
    int LlmCalls,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? LlmProvider,
    string? LlmModel,
    IReadOnlyDictionary<string, double> StageSeconds);
