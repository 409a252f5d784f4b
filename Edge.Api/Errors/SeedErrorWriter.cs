using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Pipeline.Edge.Api.Errors;

/// <summary>
/// The single place an error body is written. Every failure (thrown <see cref="ApiException"/>, bad JSON, validation,
/// authentication challenges, unknown routes) reaches the client as a <see cref="ProblemDetails"/> handed to this
/// writer, which renders it in the shape the route's seed documents.
/// </summary>
public sealed class SeedErrorWriter : IProblemDetailsWriter
{
    public const string CodeKey = "code";
    public const string DetailsKey = "details";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        var code = problem.Extensions.TryGetValue(CodeKey, out var c) && c is string s ? s : ErrorCodes.ForStatus(status);
        problem.Extensions.TryGetValue(DetailsKey, out var details);
        var message = problem.Detail ?? ErrorCodes.DefaultMessage(status);

        if (problem is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            var fieldErrors = validation.Errors
                .SelectMany(e => e.Value.Select(m => new FieldError(FieldName(e.Key), m)))
                .ToList();
            details = fieldErrors;
            message = fieldErrors.Count == 1 ? fieldErrors[0].Message : string.Join(" ", fieldErrors.Select(f => f.Message));
        }

        var body = Body(http, code, message, details);
        http.Response.StatusCode = status;
        return new ValueTask(http.Response.WriteAsJsonAsync(body, body.GetType(), ApiJson.Options, "application/json", http.RequestAborted));
    }

    /// <summary>
    /// FastEndpoints' validation and binding failures (its <c>Errors.ResponseBuilder</c>): the same seed shapes as every
    /// other failure, with the offending fields (snake_case, as the bodies name them) in <c>details</c>.
    /// </summary>
    public static object ValidationBody(IReadOnlyList<FluentValidation.Results.ValidationFailure> failures, HttpContext http, int status)
    {
        NoStore(http.Response);
        var fieldErrors = failures
            .Select(f => new FieldError(FieldName(f.PropertyName), Readable(FieldName(f.PropertyName), f.ErrorMessage)))
            .ToList();
        var message = fieldErrors.Count == 0 ? ErrorCodes.DefaultMessage(status)
            : fieldErrors.Count == 1 ? fieldErrors[0].Message
            : string.Join(" ", fieldErrors.Select(f => f.Message));
        return Body(http, ErrorCodes.ForStatus(status), message, fieldErrors);
    }

    /// <summary>The error body in the shape the route's seed documents.</summary>
    public static object Body(HttpContext http, string code, string message, object? details) => StyleOf(http.Request.Path) switch
    {
        ErrorStyle.CodeMessage => new CodeMessageError(code, message, details),
        ErrorStyle.Envelope => new EnvelopeError(new EnvelopeErrorBody(code, message, details, http.TraceIdentifier, DateTimeOffset.UtcNow)),
        _ => new DetailError(message),
    };

    // System.Text.Json's conversion failures name .NET types ("could not be converted to Pipeline.X.UserRole"): say it plainly.
    private static string Readable(string field, string message) =>
        message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? $"{field}: the value has the wrong type or is not one of the allowed values."
            : message;

    /// <summary>Failures are never cached (what the exception handler middleware sets on the answers it writes).</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "-1";
    }

    // FastEndpoints names a failure after the C# property ("Title", "Modules[0].Title") or its serializer field.
    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => JsonNamingPolicy.SnakeCaseLower.ConvertName(part)));

    public static ErrorStyle StyleOf(PathString path) =>
        path.StartsWithSegments("/api/v1") ? ErrorStyle.CodeMessage
        : path.StartsWithSegments("/api/learntrac") ? ErrorStyle.Envelope
        : ErrorStyle.Detail;

    public sealed record FieldError(string Field, string Message);

    /// <summary>Seeds 000, 001, 002.</summary>
    public sealed record DetailError(string Detail);

    /// <summary>Seed 004 (<c>/api/v1</c>).</summary>
    public sealed record CodeMessageError(string Code, string Message, object? Details);

    /// <summary>Seed 003 (<c>/api/learntrac</c>).</summary>
    public sealed record EnvelopeError(EnvelopeErrorBody Error);

    public sealed record EnvelopeErrorBody(string Code, string Message, object? Details, string RequestId, DateTimeOffset Timestamp);
}
