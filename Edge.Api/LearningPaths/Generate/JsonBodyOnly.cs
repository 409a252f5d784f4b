using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.LearningPaths.Generate;

/// <summary>A body, when there is one, must be JSON: anything else is a 415 in the route's seed shape.</summary>
public sealed class JsonBodyOnly<TRequest> : IPreProcessor<TRequest>
{
    public Task PreProcessAsync(IPreProcessorContext<TRequest> context, CancellationToken ct)
    {
        var request = context.HttpContext.Request;
        if (!string.IsNullOrEmpty(request.ContentType) && !request.HasJsonContentType())
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.DefaultMessage(StatusCodes.Status415UnsupportedMediaType));
        return Task.CompletedTask;
    }
}
