namespace Pipeline.Domain.Tasks;

/// <summary>The <c>status</c> values of seed 002 (plus <c>canceled</c>).</summary>
public static class TaskStatuses
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Canceled = "canceled";

    public static bool IsFinal(string status) => status is Completed or Failed or Timeout or Canceled;
}
