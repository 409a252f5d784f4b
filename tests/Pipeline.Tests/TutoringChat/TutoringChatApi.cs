using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.TutoringChat;

public static class TutoringChatApi
{
    public static async Task<JsonElement> StartChatAsync(this TestUser user, string message, string mode = "tutoring", long conceptId = 1234)
    {
        var response = await user.Client.PostAsJsonAsync("/api/learntrac/v1/chat/start",
            new { context = new { concept_id = conceptId, session_id = "550e8400-e29b-41d4-a716-446655440000", mode }, initial_message = message });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> SendAsync(this TestUser user, string chatId, string message, bool includeCode = true)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/learntrac/v1/chat/{chatId}/message", new { message, include_code_examples = includeCode });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> HistoryAsync(this TestUser user, string chatId) =>
        await (await user.Client.GetAsync($"/api/learntrac/v1/chat/{chatId}/history")).JsonAsync();
}
