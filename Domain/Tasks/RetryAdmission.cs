namespace Pipeline.Domain.Tasks;

/// <summary>Whether a retry of a task may run now, and if not why (see <see cref="TaskStore.AdmitRetryAsync"/>).</summary>
public sealed record RetryAdmission(RetryVerdict Verdict, string Status, int RetryCount, int WaitSeconds = 0);

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
