using System.Text.Json.Nodes;
using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Analytics;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Messages.Analytics;

namespace Pipeline.Edge.Api.Analytics.Export;

/// <summary>
/// Seed 003 <c>POST /analytics/export</c> (instructor; 10 a day): accepted at once, built by Handlers in the background;
/// <c>webhook_url</c> is the status route, which gives the <c>download_url</c> once the file is ready.
/// </summary>
public sealed class Endpoint(AnalyticsExportStore exports, ISendEndpointProvider send) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/learntrac/v1/analytics/export");
        Policies(Auth.Policies.Instructor);
        Options(o => o.WithMetadata(new RateLimitedAs(RateLimitPolicies.Exports)));
        Description(d => d.WithTags("LearnTrac analytics").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var filters = new JsonObject
        {
            ["start_date"] = request.Filters?.StartDate,
            ["end_date"] = request.Filters?.EndDate,
            ["user_ids"] = request.Filters?.UserIds is { } ids ? new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) : null,
            ["milestones"] = request.Filters?.Milestones is { } m ? new JsonArray(m.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()) : null,
        };
        var export = await exports.CreateAsync(User.UserId(), request.ReportType, request.Format, filters.ToJsonString(),
            request.IncludeSections ?? [.. Request.Sections], ct);
        var endpoint = await send.GetSendEndpoint(AnalyticsQueues.ExportsAddress);
        await endpoint.Send(new BuildAnalyticsExport(export.ExportId), ct);
        await Send.OkAsync(new Response(export.ExportId, export.Status, 30, null, ExportUrls.Status(HttpContext, export.ExportId)), ct);
    }
}
