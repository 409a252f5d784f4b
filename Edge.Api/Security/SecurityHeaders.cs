namespace Pipeline.Edge.Api.Security;

/// <summary>
/// Headers every response carries: no MIME sniffing, no referrer, never framed, a Content-Security-Policy (pages may load
/// only their own scripts, styles and data; API answers nothing at all), and nothing under /api cached (token responses
/// and personal data must not sit in a shared cache). Redirects never echo the client's Host header.
/// </summary>
public static class SecurityHeaders
{
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    // The API explorer page at /docs is the library's own and uses inline code: it only keeps the framing ban.
    private const string DocsPolicy = "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var path = context.Request.Path;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = path.StartsWithSegments("/docs") ? DocsPolicy
                : IsApi(path) ? ApiPolicy
                : PagePolicy;
            if (IsApi(path) && !headers.ContainsKey("Cache-Control"))
                headers.CacheControl = "no-store";
            KeepRedirectsRelative(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// A redirect built from the request (the static files' "/ops" → "/ops/") names the Host header the client sent, so a
    /// forged Host would send a victim's browser or a shared cache elsewhere. The service never redirects to another
    /// site: a Location on the request's own host is cut to its path, query and fragment.
    /// </summary>
    private static void KeepRedirectsRelative(HttpContext context)
    {
        var location = context.Response.Headers.Location.ToString();
        if (string.IsNullOrEmpty(location) || !Uri.TryCreate(location, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !string.Equals(uri.Host, context.Request.Host.Host, StringComparison.OrdinalIgnoreCase))
            return;
        context.Response.Headers.Location = uri.PathAndQuery + uri.Fragment;
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/openapi")
        || path.StartsWithSegments("/health");
}
