namespace Pipeline.Domain.Tasks;

/// <summary>Whether a retry of a task may run now, and if not why (see <see cref="TaskStore.AdmitRetryAsync"/>).</summary>
public sealed record RetryAdmission(RetryVerdict Verdict, string Status, int RetryCount, int WaitSeconds = 0);
