namespace Pipeline.Domain.Analytics;

/// <summary>Which learners, days and milestones a report covers (seed 003 export filters).</summary>
public sealed record ReportFilters(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<long>? UserIds, IReadOnlyList<string>? Milestones);
