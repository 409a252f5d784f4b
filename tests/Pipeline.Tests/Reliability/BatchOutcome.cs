namespace Pipeline.Tests.Reliability;

/// <summary>
/// What became of one batch run under one fault: one row of docs/reliability.md. Column definitions are in
/// <see cref="ReliabilityReport"/>.
/// </summary>
public sealed record BatchOutcome
{
    public required string Fault { get; init; }
    public required int Size { get; init; }
    public required int Submitted { get; init; }
    public required int CompletedDirectly { get; init; }
    public required int FailedThenRetried { get; init; }
    public required int Lost { get; init; }
    public required int DuplicatedCards { get; init; }
    public required int MissingCards { get; init; }
    public required int Cards { get; init; }
    public required TimeSpan MaxStaleness { get; init; }
    public required long StaleAnswers { get; init; }
    public required long Polls { get; init; }
    public required long PollErrors { get; init; }
    public required TimeSpan SlowestPoll { get; init; }
    public required int SubmitRetries { get; init; }
    public required TimeSpan Duration { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>The contract of issue 5, checked the same way at every batch size.</summary>
    public bool HoldsTheInvariants => Problems.Count == 0;

    /// <summary>Fails the test with everything that went wrong, not just the first thing.</summary>
    public void AssertInvariants()
    {
        Assert.True(HoldsTheInvariants, $"{Fault}: {string.Join("\n", Problems)}\n{this}");
    }

    public override string ToString() =>
        $"{Fault}: {Submitted}/{Size} submitted, {CompletedDirectly} completed, {FailedThenRetried} failed then retried, {Lost} lost, " +
        $"{DuplicatedCards} duplicated and {MissingCards} missing of {Cards} cards, max staleness {MaxStaleness.TotalMilliseconds:0} ms " +
        $"({StaleAnswers} stale answers), {Polls} polls with {PollErrors} errors (slowest {SlowestPoll.TotalMilliseconds:0} ms), " +
        $"{SubmitRetries} submit retries, {Duration.TotalSeconds:0} s; {string.Join("; ", Notes)}";
}
