namespace Pipeline.Domain.Tasks;

/// <summary>A learning-path task still pending with no saga: its command is sent again (<see cref="TaskStore.ResendUnstartedAsync"/>).</summary>
public sealed record UnstartedTask(Guid CorrelationId, long UserId, string Prompt);
