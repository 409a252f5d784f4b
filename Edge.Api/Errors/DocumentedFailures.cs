using Microsoft.AspNetCore.Http.Metadata;

namespace Pipeline.Edge.Api.Errors;

/// <summary>
/// Declares the failures a route can answer so the OpenAPI document lists them, each with the error body of the route's
/// seed (chosen by its path, as <see cref="SeedErrorWriter"/> chooses it at run time). One endpoint class serving several
/// prefixes gets the right shape on each of its routes.
/// </summary>
public static class DocumentedFailures
{
    public const string JsonContentType = "application/json";

    public static RouteHandlerBuilder Failures(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        builder.Finally(endpoint =>
        {
            var path = endpoint is RouteEndpointBuilder route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : "/";
            var body = SeedErrorWriter.StyleOf(path) switch
            {
                ErrorStyle.CodeMessage => typeof(SeedErrorWriter.CodeMessageError),
                ErrorStyle.Envelope => typeof(SeedErrorWriter.EnvelopeError),
                _ => typeof(SeedErrorWriter.DetailError),
            };
            // FastEndpoints declares 401/403 itself, without a body: ours replace them.
            foreach (var declared in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Where(m => statusCodes.Contains(m.StatusCode)).ToList())
                endpoint.Metadata.Remove(declared);
            foreach (var status in statusCodes)
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, body, [JsonContentType]));
        });
        return builder;
    }
}
