namespace Pipeline.Operations.FailedMessages;

public static class FailedMessageStatuses
{
    /// <summary>In the list, waiting for an operator.</summary>
    public const string Unresolved = "unresolved";

    /// <summary>Out of the list, kept, can be restored (unarchived) or retried.</summary>
    public const string Archived = "archived";

    /// <summary>Sent back to its queue; comes back as unresolved if it fails again.</summary>
    public const string Retried = "retried";

    public static bool IsKnown(string status) => status is Unresolved or Archived or Retried;
}
