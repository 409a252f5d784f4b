namespace Pipeline.Edge.Api.TutoringChat.History;

public sealed record Response(string ChatId, DateTimeOffset StartedAt, string Mode, IReadOnlyList<HistoryMessage> Messages, int TotalMessages,
    IReadOnlyList<string> ConceptCoverage);
