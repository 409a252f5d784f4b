using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningPaths;

/// <summary>The calls a frontend makes to generate a path and follow its task, as a test's vocabulary.</summary>
public static class PipelineApi
{
    public static Task<HttpResponseMessage> GenerateAsync(this HttpClient client, string prompt, string? idempotencyKey = null) =>
        PostAsync(client, "/api/recommendation/chat/generate-learning-path", prompt, idempotencyKey);

    public static Task<HttpResponseMessage> GenerateInBackgroundAsync(this HttpClient client, string prompt, string? idempotencyKey = null) =>
        PostAsync(client, "/api/recommendation/learning-paths/generate", prompt, idempotencyKey);

    public static async Task<JsonElement> StatusAsync(this HttpClient client, string taskId)
    {
        var response = await client.GetAsync($"/api/tasks/{taskId}/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Polls the task until its status is one of <paramref name="statuses"/>, checking that progress never goes back.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this HttpClient client, string taskId, TimeSpan timeout, params string[] statuses)
    {
        var highest = 0.0;
        return await Eventually.ReturnsAsync(async () =>
        {
            var status = await client.StatusAsync(taskId);
            var progress = status.GetProperty("progress").GetDouble();
            Assert.True(progress >= highest, $"progress went back from {highest} to {progress}");
            highest = progress;
            return status;
        }, s => statuses.Contains(s.GetProperty("status").GetString()), timeout, $"task {taskId} to reach {string.Join('/', statuses)}");
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string prompt, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { prompt }) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }
}
