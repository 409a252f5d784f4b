using FastEndpoints;
using Pipeline.Domain.Analytics;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Analytics.ExportDownload;

/// <summary>The built file, to its requester only (anyone else: 404); 409 while it is still being built.</summary>
public sealed class Endpoint(AnalyticsExportStore exports) : Endpoint<ExportRoute>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/analytics/export/{export_id}/download");
        Description(d => d.WithTags("LearnTrac analytics").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(ExportRoute request, CancellationToken ct)
    {
        var userId = User.UserId();
        if (await exports.FileAsync(userId, request.ExportId, ct) is not { } file)
        {
            var export = await exports.FindOwnedAsync(userId, request.ExportId, ct) ?? throw ApiException.NotFound("Export not found");
            throw export.Status == ExportStatuses.Failed
                ? ApiException.Conflict($"The export failed: {export.Error}")
                : ApiException.Conflict("The export is still being built; poll its status.");
        }
        await Send.BytesAsync(file.File, file.FileName, file.ContentType, cancellation: ct);
    }
}
