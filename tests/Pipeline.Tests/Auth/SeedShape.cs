using System.Net;
using System.Text.Json;

namespace Pipeline.Tests.Auth;

/// <summary>The three auth prefixes and the error shape each seed documents.</summary>
public sealed record SeedShape(string Prefix)
{
    public static readonly SeedShape Platform = new("/api/auth");        // seed 001: {"detail": "..."}
    public static readonly SeedShape V1 = new("/api/v1/auth");           // seed 004: {code, message, details}
    public static readonly SeedShape LearnTrac = new("/api/learntrac/v1/auth"); // seed 003: {"error": {...}}

    public static SeedShape Of(string prefix) => prefix switch
    {
        "/api/auth" => Platform,
        "/api/v1/auth" => V1,
        "/api/learntrac/v1/auth" => LearnTrac,
        _ => throw new ArgumentOutOfRangeException(nameof(prefix)),
    };

    /// <summary>Asserts the status and the seed's error shape; returns the human-readable message.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(text);
        var root = body.RootElement;
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        if (path.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            Assert.False(root.TryGetProperty("detail", out _), text);
            if (code is not null) Assert.Equal(code, root.GetProperty("code").GetString());
            return root.GetProperty("message").GetString()!;
        }
        if (path.StartsWith("/api/learntrac/", StringComparison.Ordinal))
        {
            var error = root.GetProperty("error");
            if (code is not null) Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("request_id").GetString()));
            Assert.True(error.GetProperty("timestamp").TryGetDateTimeOffset(out _));
            return error.GetProperty("message").GetString()!;
        }
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Single(root.EnumerateObject());
        return root.GetProperty("detail").GetString()!;
    }
}
