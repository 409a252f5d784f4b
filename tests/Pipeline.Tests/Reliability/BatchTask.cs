using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Reliability;

/// <summary>One generation of a batch: who asked for it, with which Idempotency-Key, and the task id the API gave back.</summary>
public sealed record BatchTask(string TaskId, TestUser Learner, string Prompt, string IdempotencyKey);
