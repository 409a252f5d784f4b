namespace Pipeline.Edge.Api.Analytics.ExportStatus;

public sealed record Response(string ExportId, string Status, string ReportType, string Format, DateTime CreatedAt, DateTime? CompletedAt,
    string? DownloadUrl, long? FileSize, string? Error);
