namespace Pipeline.Bench;

/// <summary>One hop of a timed chain: the consumer passes it on until no hops remain.</summary>
public record ChainHop(Guid ChainId, int Remaining);
