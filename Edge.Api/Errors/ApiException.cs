namespace Pipeline.Edge.Api.Errors;

/// <summary>
/// A failure the client should see, with its HTTP status and a stable code. Endpoints throw it; one handler turns it
/// into the error shape the route's seed documents (see <see cref="SeedErrorWriter"/>).
/// </summary>
public class ApiException(int statusCode, string message, string? code = null, object? details = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code ?? ErrorCodes.ForStatus(statusCode);
    public object? Details { get; } = details;

    /// <summary>Seconds the client should wait before trying again (sent as Retry-After).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Headers the error response carries (the exception handler clears any set before the failure).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ApiException BadRequest(string message, object? details = null) => new(StatusCodes.Status400BadRequest, message, details: details);
    public static ApiException Unauthorized(string message = "Not authenticated") => new(StatusCodes.Status401Unauthorized, message);
    public static ApiException Forbidden(string message = "Not enough permissions") => new(StatusCodes.Status403Forbidden, message);
    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static ApiException Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    public static ApiException TooManyRequests(string message, int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, message) { RetryAfterSeconds = retryAfterSeconds };
}
