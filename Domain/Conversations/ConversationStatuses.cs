namespace Pipeline.Domain.Conversations;

/// <summary>
/// The status of a conversation (a planning session or a chat): <c>active</c> (in use), <c>paused</c> (put aside, can
/// be resumed), <c>completed</c> (its goal reached, e.g. the plan finalised) and <c>archived</c> (hidden from the
/// default lists). Any status may change to any other; other values are refused.
/// </summary>
public static class ConversationStatuses
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Completed = "completed";
    public const string Archived = "archived";

    public static readonly IReadOnlyList<string> All = [Active, Paused, Completed, Archived];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);
}
