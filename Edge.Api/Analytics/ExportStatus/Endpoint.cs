using FastEndpoints;
using Pipeline.Domain.Analytics;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Analytics.ExportStatus;

/// <summary>The export's state (the seed's <c>webhook_url</c>); only its requester sees it.</summary>
public sealed class Endpoint(AnalyticsExportStore exports) : Endpoint<ExportRoute, Response>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/analytics/export/{export_id}/status");
        Description(d => d.WithTags("LearnTrac analytics").ProducesProblem(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ExportRoute request, CancellationToken ct)
    {
        var export = await exports.FindOwnedAsync(User.UserId(), request.ExportId, ct) ?? throw ApiException.NotFound("Export not found");
        var done = export.Status == ExportStatuses.Completed;
        await Send.OkAsync(new Response(export.ExportId, export.Status, export.ReportType, export.Format, export.CreatedAt, export.CompletedAt,
            done ? ExportUrls.Download(HttpContext, export.ExportId) : null, done ? export.FileSize : null, export.Error), ct);
    }
}
