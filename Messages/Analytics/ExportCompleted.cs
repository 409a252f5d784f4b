namespace Pipeline.Messages.Analytics;

/// <summary>Published when an analytics export's file is ready (the <c>export.completed</c> webhook event).</summary>
public sealed record ExportCompleted(long UserId, string ExportId, string ReportType, string Format, DateTimeOffset CompletedAt);
