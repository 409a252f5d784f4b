using Pipeline.Handlers.Ai.Offline;

namespace Pipeline.Tests.Fakes;

/// <summary>
/// How the fake answers one request. Build one with the factory methods: <see cref="Valid"/> answers like the offline
/// provider would (valid JSON for the request's schema), the others script failures.
/// </summary>
public sealed record FakeChatReply
{
    public int StatusCode { get; init; } = 200;

    /// <summary>choices[0].message.content of a 200 answer; null means "generate a valid answer for the schema".</summary>
    public string? Content { get; init; }

    public string? ErrorMessage { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Answer on this edge of what the request's JSON schema allows (see <see cref="SchemaExtremes"/>).</summary>
    public SchemaExtreme? Extreme { get; init; }

    /// <summary>Never answers; the client has to time out (or cancel).</summary>
    public bool Hangs { get; init; }

    public static FakeChatReply Valid() => new();

    public static FakeChatReply WithContent(string content) => new() { Content = content };

    /// <summary>Exactly what the request's schema allows at one edge: fewest items and shortest texts, or most and longest.</summary>
    public static FakeChatReply AtSchemaExtreme(SchemaExtreme extreme) => new() { Extreme = extreme };

    public static FakeChatReply Malformed() => new() { Content = """{"title": "Half an answer", "courses": [""" };

    /// <summary>Well-formed JSON that matches none of the pipeline's schemas.</summary>
    public static FakeChatReply SchemaViolation() => new() { Content = """{"unexpected": true}""" };

    public static FakeChatReply RateLimited(TimeSpan retryAfter) =>
        Error(429, "Rate limit reached.", ("Retry-After", ((int)retryAfter.TotalSeconds).ToString()));

    public static FakeChatReply RateLimitedUntil(DateTimeOffset until) =>
        Error(429, "Rate limit reached.", ("Retry-After", until.ToString("r")));

    public static FakeChatReply ServerError(int status = 500) => Error(status, "The server had an error while processing your request.");

    public static FakeChatReply Unauthorized() => Error(401, "Incorrect API key provided.");

    public static FakeChatReply Error(int status, string message, params (string Name, string Value)[] headers) => new()
    {
        StatusCode = status,
        ErrorMessage = message,
        Headers = headers.ToDictionary(header => header.Name, header => header.Value),
    };

    public static FakeChatReply Hang() => new() { Hangs = true };

    /// <summary>The content of a 200 answer to <paramref name="request"/>.</summary>
    public string ContentFor(FakeChatRequest request) =>
        Content
        ?? (Extreme is { } extreme ? SchemaExtremes.Answer(request.Schema ?? throw new InvalidOperationException("The request has no JSON schema."), extreme) : null)
        ?? OfflineAnswers.Answer(request.SchemaName, request.InputJson) ?? """{"answer": "The fake has no generator for this schema."}""";
}
