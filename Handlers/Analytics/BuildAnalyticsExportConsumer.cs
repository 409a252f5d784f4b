using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Analytics;
using Pipeline.Messages.Analytics;

namespace Pipeline.Handlers.Analytics;

/// <summary>Builds an accepted export's file (PDF, CSV or XLSX) from the rollups, stores it, and publishes <see cref="ExportCompleted"/>.</summary>
public sealed class BuildAnalyticsExportConsumer(AnalyticsExportStore exports, ReportBuilder reports, IOptions<ExportOptions> options,
    ILogger<BuildAnalyticsExportConsumer> logger) : IConsumer<BuildAnalyticsExport>
{
    public async Task Consume(ConsumeContext<BuildAnalyticsExport> context)
    {
        var ct = context.CancellationToken;
        if (await exports.FindAsync(context.Message.ExportId, ct) is not { Status: ExportStatuses.Processing } export) return;
        ExportFile file;
        try
        {
            var report = await reports.BuildAsync(export, ct);
            file = export.Format switch
            {
                "csv" => CsvReportWriter.Write(report),
                "xlsx" => XlsxReportWriter.Write(report),
                _ => WritePdf(report),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not Npgsql.NpgsqlException)
        {
            logger.LogError(e, "Export {ExportId} failed", export.ExportId);
            await exports.FailAsync(export.ExportId, "The report could not be built.", ct);
            return;
        }
        if (await exports.CompleteAsync(export.ExportId, file.Content, file.ContentType, $"{export.ReportType}-{export.ExportId}.{file.Extension}", ct))
            await context.Publish(new ExportCompleted(export.UserId, export.ExportId, export.ReportType, export.Format, DateTimeOffset.UtcNow), ct);
    }

    private ExportFile WritePdf(Report report)
    {
        ReportFontResolver.EnsureInstalled(options.Value.FontDirectory);
        return PdfReportWriter.Write(report);
    }
}
