using Microsoft.AspNetCore.Http.Metadata;

namespace Pipeline.Edge.Api.Errors;

/// <summary>
/// Refuses a declared body over the limit with 413 before anything reads it. Kestrel enforces the same limit on the
/// bytes it receives (chunked bodies included); this makes the answer the same under any server and for any route.
/// A route that takes larger bodies (an audio upload) says so with <see cref="IRequestSizeLimitMetadata"/>, which
/// routing also applies to Kestrel's limit.
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBytes;
            return context.Request.ContentLength > limit
                ? throw new ApiException(StatusCodes.Status413PayloadTooLarge, $"Request body too large: at most {limit / 1024} KB.")
                : next(context);
        });
}
