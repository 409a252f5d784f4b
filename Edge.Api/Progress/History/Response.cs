namespace Pipeline.Edge.Api.Progress.History;

public sealed record Response(IReadOnlyList<Bucket> History, Totals Totals);
