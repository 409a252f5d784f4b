namespace Pipeline.Handlers.Ai;

/// <summary>
/// The provider refused for good (bad key, unknown model, 4xx other than 429), or its output stayed invalid after the
/// allowed repairs. Retrying the same request will not help; the stage fails.
/// </summary>
public sealed class AiPermanentException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Tokens already spent when the operation gave up (invalid output after repairs), so a failed task's cost is recorded too.</summary>
    public AiUsage? Usage { get; init; }

    /// <summary>
    /// Set when the request itself cannot be served (a prompt with no learning goal): the message is for the user, the
    /// stage answers with a final outcome instead of faulting, and nothing lands in an error queue.
    /// </summary>
    public bool IsUserError { get; init; }
}
