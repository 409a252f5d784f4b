namespace Pipeline.Edge.Api.Errors;

/// <summary>The error codes seed 003 lists, also used for seed 004's <c>{code, message}</c> shape.</summary>
public static class ErrorCodes
{
    public static string ForStatus(int statusCode) => statusCode switch
    {
        400 or 422 => "VALIDATION_ERROR",
        401 => "AUTHENTICATION_ERROR",
        403 => "AUTHORIZATION_ERROR",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        409 => "CONFLICT",
        413 => "PAYLOAD_TOO_LARGE",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        429 => "RATE_LIMIT_EXCEEDED",
        503 => "SERVICE_UNAVAILABLE",
        >= 500 => "SERVER_ERROR",
        _ => "ERROR",
    };

    public static string DefaultMessage(int statusCode) => statusCode switch
    {
        400 => "Invalid request parameters",
        401 => "Not authenticated",
        403 => "Not enough permissions",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Request body too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        503 => "Service unavailable",
        >= 500 => "Internal server error",
        _ => "Request failed",
    };
}
