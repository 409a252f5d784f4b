using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Pipeline.Edge.Api.Errors;

/// <summary>Maps exceptions to problem details (rendered by <see cref="SeedErrorWriter"/>). Unknown ones are 500s and logged.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, message, code, details) = exception switch
        {
            ApiException api => (api.StatusCode, api.Message, api.Code, api.Details),
            BadHttpRequestException bad => (bad.StatusCode, DescribeBadRequest(bad), null, bad.InnerException is JsonException inner ? JsonField(inner) : null),
            JsonException json => (StatusCodes.Status400BadRequest, DescribeJson(json), null, JsonField(json)),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", null, (object?)null),
            // PostgreSQL restarting or unreachable: the request may well succeed in a moment, which a 500 would not say.
            NpgsqlException { IsTransient: true } => (StatusCodes.Status503ServiceUnavailable, DatabaseUnavailable, null, null),
            // Class 22 (data exception: a NUL byte, an untranslatable character, a value out of range or too long) is
            // about the request's values; the input guard refuses most before they get here.
            PostgresException { SqlState: [ '2', '2', ..] } => (StatusCodes.Status400BadRequest, "The request contains a value that cannot be stored.", null, null),
            _ => (StatusCodes.Status500InternalServerError, "Internal server error", null, null),
        };
        if (status == StatusCodes.Status503ServiceUnavailable && exception is NpgsqlException)
        {
            logger.LogWarning("Database unavailable for {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
            httpContext.Response.Headers.RetryAfter = "1";
        }
        else if (status >= 500)
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        if (exception is ApiException failure)
        {
            foreach (var (name, value) in failure.Headers)
                httpContext.Response.Headers[name] = value;
            if (failure.RetryAfterSeconds is { } retryAfter)
                httpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // RFC 9110: a 401 names the scheme to authenticate with (the JWT challenge does this itself; thrown 401s here).
        if (status == StatusCodes.Status401Unauthorized && !httpContext.Response.Headers.ContainsKey("WWW-Authenticate"))
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = message };
        if (code is not null) problem.Extensions[SeedErrorWriter.CodeKey] = code;
        if (details is not null) problem.Extensions[SeedErrorWriter.DetailsKey] = details;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private const string DatabaseUnavailable = "The service is briefly unavailable; please try again.";

    private static string DescribeBadRequest(BadHttpRequestException exception) => exception.InnerException switch
    {
        JsonException json => DescribeJson(json),
        _ when exception.StatusCode == StatusCodes.Status413PayloadTooLarge => "Request body too large",
        _ when exception.Message.StartsWith("Required parameter", StringComparison.Ordinal) => "Request body is required",
        _ => exception.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase) ? "Request body is not valid JSON" : exception.Message,
    };

    /// <summary>The offending field, for the seeds whose error shape has details (seed 004 asks for it there).</summary>
    private static object? JsonField(JsonException json) => json.Path is { Length: > 1 } path
        ? new[] { new JsonFieldError(path.TrimStart('$', '.'), DescribeJson(json)) }
        : null;

    private sealed record JsonFieldError(string Field, string Message);

    private static string DescribeJson(JsonException json) => json.Path is { Length: > 1 } path
        ? $"Invalid JSON at '{path.TrimStart('$', '.')}': the value has the wrong type or format"
        : "Request body is not valid JSON";
}
