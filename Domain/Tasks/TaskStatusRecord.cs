namespace Pipeline.Domain.Tasks;

/// <summary>Seed 002's <c>UserTaskResponse</c>: a task's status as the frontend polls it.</summary>
public sealed record TaskStatusRecord(
    string TaskId,
    long UserId,
    long? LearningPathId,
    string Status,
    string? Stage,
    double Progress,
    int? TotalItems,
    int CompletedItems,
    string? ResultMessage,
    string? ErrorDetails,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    long Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
