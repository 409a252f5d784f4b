using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipeline.Tests.Auth;

public static class AuthResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string accessToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    public static Task<HttpResponseMessage> GetWithTokenAsync(this HttpClient client, string path, string accessToken) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).WithBearer(accessToken));

    public static Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string path, string accessToken) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path).WithBearer(accessToken));
}
