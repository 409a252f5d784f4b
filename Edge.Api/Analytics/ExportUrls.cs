namespace Pipeline.Edge.Api.Analytics;

/// <summary>Absolute URLs of an export's routes, on the host the client called.</summary>
public static class ExportUrls
{
    public static string Status(HttpContext http, string exportId) => $"{Base(http)}/api/learntrac/v1/analytics/export/{exportId}/status";

    public static string Download(HttpContext http, string exportId) => $"{Base(http)}/api/learntrac/v1/analytics/export/{exportId}/download";

    private static string Base(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
