namespace Pipeline.Edge.Api.Analytics.Export;

public sealed record Response(string ExportId, string Status, int EstimatedTime, string? DownloadUrl, string WebhookUrl);
