namespace Pipeline.Edge.Api.Errors;

/// <summary>
/// Refuses a declared body over the limit with 413 before anything reads it. Kestrel enforces the same limit on the
/// bytes it receives (chunked bodies included); this makes the answer the same under any server and for any route.
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use((context, next) => context.Request.ContentLength > maxBytes
            ? throw new ApiException(StatusCodes.Status413PayloadTooLarge, $"Request body too large: at most {maxBytes / 1024} KB.")
            : next(context));
}
