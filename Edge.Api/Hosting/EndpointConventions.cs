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
    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "a whole number";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(Guid)) return "a UUID";
        if (type == typeof(DateOnly)) return "a date (YYYY-MM-DD)";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return "an ISO 8601 date and time";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(n)));
        return "a valid value";
    }

    public static void Configure(Config config)
    {
        ApiJson.Configure(config.Serializer.Options);
        config.Errors.ResponseBuilder = (failures, http, status) => SeedErrorWriter.ValidationBody(failures, http, status);
        config.Errors.ProducesMetadataType = null;
        config.Binding.UsePropertyNamingPolicy = true;
        // The attempted value is not echoed: it is the client's own input and may be long or hostile.
        config.Binding.FailureMessage = (type, name, _) =>
            $"'{System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name)}' must be {Describe(type)}.";
    }
}
