namespace Pipeline.Messages.Analytics;

/// <summary>Command: build the file of an accepted analytics export (seed 003 <c>POST /analytics/export</c>).</summary>
public sealed record BuildAnalyticsExport(string ExportId);
