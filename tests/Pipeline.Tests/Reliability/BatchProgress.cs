namespace Pipeline.Tests.Reliability;

/// <summary>Where a batch stands, read from PostgreSQL (the source of truth): what a fault waits for before it strikes.</summary>
public sealed record BatchProgress(int Accepted, int Terminal, int Completed, int FailedOrTimedOut, int Cards)
{
    public static readonly BatchProgress None = new(0, 0, 0, 0, 0);

    public override string ToString() =>
        $"{Accepted} accepted, {Terminal} finished ({Completed} completed, {FailedOrTimedOut} failed or timed out), {Cards} cards";
}
