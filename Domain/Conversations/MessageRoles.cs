namespace Pipeline.Domain.Conversations;

public static class MessageRoles
{
    public const string User = "user";
    public const string Assistant = "assistant";

    /// <summary>An instruction to the model stored in the conversation but not shown as a turn (an opening request).</summary>
    public const string System = "system";
}
