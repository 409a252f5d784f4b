namespace Pipeline.Domain.Analytics;

public sealed class AnalyticsExport
{
    public string ExportId { get; init; } = "";
    public long UserId { get; init; }
    public string ReportType { get; init; } = "";
    public string Format { get; init; } = "";
    public string Filters { get; init; } = "{}";
    public string[] Sections { get; init; } = [];
    public string Status { get; init; } = "";
    public string? ContentType { get; init; }
    public string? FileName { get; init; }
    public long? FileSize { get; init; }
    public string? Error { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
}
