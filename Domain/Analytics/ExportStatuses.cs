namespace Pipeline.Domain.Analytics;

public static class ExportStatuses
{
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
