namespace Pipeline.Domain.Conversations.ChatFrames;

/// <summary>
/// A frame that can absorb the frame queued right after it while both still wait for a slow socket, so a client that
/// falls behind gets the same text in fewer frames instead of a growing queue.
/// </summary>
public interface IMergeableFrame
{
    /// <summary>This frame followed by <paramref name="next"/> as one frame, or null when they do not merge.</summary>
    object? MergeWith(object next);
}
