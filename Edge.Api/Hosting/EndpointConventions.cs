using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Hosting;

/// <summary>
/// What every FastEndpoints endpoint shares: the seeds' snake_case JSON, and failures (validation, binding, bad JSON)
/// written by the one seed-aware writer, so no route ever answers with FastEndpoints' default error body.
/// Endpoints are secure by default (FastEndpoints requires an authenticated user unless one says AllowAnonymous).
/// </summary>
public static class EndpointConventions
{
    public static void Configure(Config config)
    {
        ApiJson.Configure(config.Serializer.Options);
        config.Errors.ResponseBuilder = (failures, http, status) => SeedErrorWriter.ValidationBody(failures, http, status);
        // Every other error body leaves as application/json (SeedErrorWriter); FastEndpoints' default is problem+json.
        config.Errors.ContentType = "application/json";
        config.Errors.ProducesMetadataType = null;
        config.Errors.ContentType = DocumentedFailures.JsonContentType;
        config.Binding.UsePropertyNamingPolicy = true;
        // Malformed JSON reaches the exception handler, which names the offending field ("Invalid JSON at 'prompt'"),
        // as it does for every other failure; an empty body binds as an empty request, so the validator says what is missing.
        // FastEndpoints reads a JSON body whenever the Content-Type says JSON, also for a request that has none (a GET
        // from Python's urllib: Content-Type: application/json, no Content-Length): that too binds as an empty request.
        config.Binding.JsonExceptionTransformer = null;
        config.Binding.FailureMessage = (type, name, value) => $"Failed to bind parameter \"{TypeName(type)} {name}\" from \"{value}\".";
        config.Serializer.RequestDeserializer = async (request, type, _, ct) =>
            HasNoBody(request) ? null : await request.ReadFromJsonAsync(type, config.Serializer.Options, ct);
    }

    /// <summary>
    /// <c>Content-Length: 0</c>, or no body at all: the server says so (HTTP/1.1 without Content-Length and
    /// Transfer-Encoding, HTTP/2 with END_STREAM on the headers).
    /// </summary>
    private static bool HasNoBody(HttpRequest request) =>
        request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false };

    // Named as ASP.NET Core's own binder names them ("int skip", "Nullable<DateTimeOffset> from").
    private static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } inner
        ? $"Nullable<{TypeName(inner)}>"
        : Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => "int",
            TypeCode.Int64 => "long",
            TypeCode.Boolean => "bool",
            TypeCode.Double => "double",
            TypeCode.String => "string",
            _ => type.Name,
        };
}
