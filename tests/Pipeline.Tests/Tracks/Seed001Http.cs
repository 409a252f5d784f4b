using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Tests.Tracks;

/// <summary>Small helpers for seed 001 calls: a JSON body in, status and JSON out.</summary>
public static class Seed001Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string raw) request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public static async Task<JsonElement> OkAsync(this HttpClient client, HttpMethod method, string path, object? body = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, json) = await client.SendJsonAsync(method, path, body);
        Assert.True(status == expected, $"{method} {path}: {(int)status} {json}");
        return json;
    }
}
