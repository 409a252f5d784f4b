using System.Text.Json;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Security;

/// <summary>
/// Refuses, with a 400 in the route's seed shape, any request whose path, query, form fields or JSON strings hold a
/// code point that is not text (<see cref="TextRules"/>), before any endpoint or database sees it. One place for every
/// route, whatever binds it, so no string field can be forgotten.
/// </summary>
public static class UnsafeTextGuard
{
    public static IApplicationBuilder UseUnsafeTextGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!TextRules.IsText(request.Path.Value))
            throw Refused("path", request.Path.Value!);
        foreach (var (name, values) in request.Query)
        {
            if (!TextRules.IsText(name)) throw Refused("query", name);
            foreach (var value in values)
                if (value is not null && !TextRules.IsText(value)) throw Refused(name, value);
        }

        if (request.HasJsonContentType() && request.ContentLength is not 0)
        {
            request.EnableBuffering();
            var body = await ReadAllAsync(request.Body, context.RequestAborted);
            request.Body.Position = 0;
            CheckJson(body);
        }
        else if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // The framework's own decoder refuses an encoded NUL ("%00") and malformed bodies.
                throw Invalid("form", "The form body holds a character that is not allowed or is malformed.");
            }
            foreach (var (name, values) in form)
            {
                if (!TextRules.IsText(name)) throw Refused("form", name);
                foreach (var value in values)
                    if (value is not null && !TextRules.IsText(value)) throw Refused(name, value);
            }
        }
        await next(context);
    });

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    // Malformed JSON is left for the endpoint's binder to report; only well-formed strings are judged here.
    private static void CheckJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
        var property = "body";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    if (!TextRules.IsText(name)) throw Refused("body", name);
                    property = name;
                }
                else if (reader.TokenType == JsonTokenType.String)
                {
                    var value = reader.GetString()!;
                    if (!TextRules.IsText(value)) throw Refused(property, value);
                }
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or a lone surrogate escape ("\ud800") cannot be read as a string: it is not text either.
            throw Invalid(property, $"'{property}' is not valid text (invalid UTF-8 or an unpaired surrogate).");
        }
    }

    private static ApiException Refused(string field, string value) =>
        Invalid(field, $"'{field}' contains a character that is not allowed ({TextRules.Describe(value)}).");

    private static ApiException Invalid(string field, string message) => ApiException.BadRequest(message, new[] { new { field, message } });
}
