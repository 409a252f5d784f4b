namespace Pipeline.Domain.Conversations;

/// <summary>
/// The status of a stored message. A user's message is <c>completed</c> when stored. An assistant reply is written as
/// soon as the model starts (<c>streaming</c>, its text so far saved periodically, so a client reconnecting mid-reply
/// can resume it), then ends <c>completed</c>, <c>stopped</c> (the user stopped it: the text so far is kept) or
/// <c>failed</c> (the model call failed for good).
/// </summary>
public static class MessageStatuses
{
    public const string Streaming = "streaming";
    public const string Completed = "completed";
    public const string Stopped = "stopped";
    public const string Failed = "failed";

    public static bool IsFinal(string status) => status is Completed or Stopped or Failed;
}
