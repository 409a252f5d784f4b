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
                .SelectMany(e => e.Value.Select(m => new FieldError(JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Key), m)))
                .ToList();
            details = fieldErrors;
            message = fieldErrors.Count == 1 ? fieldErrors[0].Message : string.Join(" ", fieldErrors.Select(f => f.Message));
        }

        object body = StyleOf(http.Request.Path) switch
        {
            ErrorStyle.CodeMessage => new CodeMessageError(code, message, details),
            ErrorStyle.Envelope => new EnvelopeError(new EnvelopeErrorBody(code, message, details, http.TraceIdentifier, DateTimeOffset.UtcNow)),
            _ => new DetailError(message),
        };
        http.Response.StatusCode = status;
        return new ValueTask(http.Response.WriteAsJsonAsync(body, body.GetType(), ApiJson.Options, "application/json", http.RequestAborted));
    }

    public static ErrorStyle StyleOf(PathString path) =>
        path.StartsWithSegments("/api/v1") ? ErrorStyle.CodeMessage
        : path.StartsWithSegments("/api/learntrac") ? ErrorStyle.Envelope
        : ErrorStyle.Detail;

    private sealed record FieldError(string Field, string Message);
    private sealed record DetailError(string Detail);
    private sealed record CodeMessageError(string Code, string Message, object? Details);
    private sealed record EnvelopeError(EnvelopeErrorBody Error);
    private sealed record EnvelopeErrorBody(string Code, string Message, object? Details, string RequestId, DateTimeOffset Timestamp);
}
