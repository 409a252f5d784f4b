using FastEndpoints;
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
        config.Errors.ProducesMetadataType = null;
        config.Binding.UsePropertyNamingPolicy = true;
    }
}
