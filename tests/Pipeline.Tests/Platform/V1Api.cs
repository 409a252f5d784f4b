using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Tests.Platform;

/// <summary>Calls to seed 004's /api/v1 and the checks every one of its answers shares.</summary>
public static class V1Api
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object body) =>
        client.PatchAsJsonAsync(path, body);

    /// <summary>A raw JSON text body, for bodies no C# object would produce (wrong types, unknown enum values).</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    /// <summary>The body of a response with the expected status (the body is in the failure message otherwise).</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Seed 004's error shape: exactly code, message and details; with <paramref name="field"/>, details names it.</summary>
    public static async Task<JsonElement> ExpectErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.ExpectAsync(status);
        Assert.Equal(["code", "message", "details"], body.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        if (field is not null)
        {
            var details = body.GetProperty("details");
            Assert.True(details.ValueKind == JsonValueKind.Array && details.EnumerateArray().Any(d => d.GetProperty("field").GetString() == field),
                $"details should name '{field}': {body}");
        }
        return body;
    }

    public static long Id(this JsonElement body) => body.GetProperty("id").GetInt64();

    public static IReadOnlyList<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();
}
