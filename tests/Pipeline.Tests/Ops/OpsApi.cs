using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Ops;

/// <summary>The calls an operator makes, as a test's vocabulary.</summary>
public static class OpsApi
{
    public const string CardsMessageType = "Pipeline.Messages.Stages.GenerateSectionCards";

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path)
    {
        var response = await client.PostAsync(path, null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>The failed messages (any status) of the given tasks, as the ops API lists them.</summary>
    public static async Task<List<JsonElement>> FailedMessagesOfAsync(this HttpClient admin, string status, params Guid[] tasks)
    {
        var list = await admin.GetJsonAsync($"/api/ops/failed-messages/messages?status={status}&limit=100");
        return list.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("task_correlation_id").ValueKind == JsonValueKind.String
                        && tasks.Contains(m.GetProperty("task_correlation_id").GetGuid()))
            .ToList();
    }

    public static async Task<Guid> CorrelationIdAsync(this PipelineFixture fixture, string taskId)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.QuerySingleAsync<Guid>("SELECT correlation_id FROM user_tasks WHERE task_id = @taskId", new { taskId });
    }

    public static int SectionCount(this JsonElement generated) =>
        generated.GetProperty("courses").EnumerateArray().Sum(c => c.GetProperty("sections").GetArrayLength());

    /// <summary>Per section of the path: cards, and distinct positions (equal when nothing was duplicated).</summary>
    public static async Task<List<(long SectionId, int Cards, int DistinctPositions)>> CardsPerSectionAsync(this PipelineFixture fixture, long pathId)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return (await connection.QueryAsync<(long, int, int)>(
            """
            SELECT s.id, count(c.id)::int, count(DISTINCT c.position)::int
            FROM sections s LEFT JOIN cards c ON c.section_id = s.id
            WHERE s.learning_path_id = @pathId GROUP BY s.id
            """, new { pathId })).ToList();
    }
}
