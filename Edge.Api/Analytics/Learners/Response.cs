namespace Pipeline.Edge.Api.Analytics.Learners;

/// <summary>Seed 003's list envelope (as <c>GET /concepts</c>): the page, the total and the paging asked for.</summary>
public sealed record Response(IReadOnlyList<LearnerItem> Learners, int Total, int Limit, int Offset);
