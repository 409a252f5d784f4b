namespace Pipeline.Domain.Tasks;

public enum RetryVerdict
{
    Admitted,
    /// <summary>Only failed or timed-out tasks are retried.</summary>
    NotRetryable,
    /// <summary>The task has been retried as often as it may be.</summary>
    TooManyRetries,
    /// <summary>The previous retry was too recent: <see cref="RetryAdmission.WaitSeconds"/> more.</summary>
    TooSoon,
}
