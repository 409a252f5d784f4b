using FastEndpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.LearningPaths.Generate;

/// <summary>What both generation endpoints accept and the failures they answer.</summary>
public static class GenerateDescription
{
    public static RouteHandlerBuilder Describe(RouteHandlerBuilder description)
    {
        description
            .WithTags("Recommendation")
            .ClearDefaultAccepts()
            .Produces<GenerationAcceptedResponse>(StatusCodes.Status202Accepted)
            // 429 with Retry-After and X-RateLimit-*: the per-user AI limit (RateLimits/AiRateLimit); 503: the queue is down.
            .Failures(400, 401, 415, 429, 500, 503);
        // The body may be left out, Content-Type and all (the prompt is then reported missing), as in the FastAPI service
        // seed 000 documents. FastEndpoints answers a request without Content-Type to an endpoint that names what it
        // accepts with a bare 415 unless "*/*" is among them; so "*/*" it is, and JsonBodyOnly refuses other media types.
        description.Finally(endpoint =>
        {
            foreach (var accepts in endpoint.Metadata.OfType<IAcceptsMetadata>().ToList())
                endpoint.Metadata.Remove(accepts);
            endpoint.Metadata.Add(new OptionalJsonBody());
        });
        return description;
    }

    private sealed class OptionalJsonBody : IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes { get; } = ["application/json", "*/*"];
        public Type RequestType => typeof(Request);
        public bool IsOptional => true;
    }
}
