using FastEndpoints;

namespace Pipeline.Edge.Api.LearningPaths.Generate;

/// <summary>
/// Seed 000's body, <c>{"prompt": "I want to learn about trading in 30 days"}</c>, and an optional Idempotency-Key: the
/// same key from the same user returns the first task instead of starting another. What a prompt must be is checked by
/// <see cref="LearningPathGeneration.ValidatePrompt"/> after the AI rate limit has counted the request.
/// </summary>
public sealed class Request
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public string? Prompt { get; init; }

    [FromHeader(IdempotencyKeyHeader, isRequired: false)] public string? IdempotencyKey { get; init; }
}
