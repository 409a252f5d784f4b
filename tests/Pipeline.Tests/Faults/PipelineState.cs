using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Faults;

/// <summary>
/// What the pipeline looks like from outside (sagas, tasks, scheduled and failed messages, queues, AI calls), appended
/// to a fault test's failure so a stuck task can be explained without rerunning it.
/// </summary>
public static class PipelineState
{

    /// <summary>Runs <paramref name="wait"/>; if it times out, the timeout's message carries <see cref="DescribeAsync"/>.</summary>
    public static async Task<T> ExplainedAsync<T>(this PipelineFixture fixture, FakeOpenAiServer ai, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + await DescribeAsync(fixture, ai), e);
        }
    }

    public static async Task<string> DescribeAsync(PipelineFixture fixture, FakeOpenAiServer ai)
    {
        var text = new StringBuilder("\n--- pipeline state ---");
        await SectionAsync(text, "sagas", async () =>
        {
            await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
            return (await connection.QueryAsync<(string?, long)>("SELECT current_state, count(*) FROM saga_instances GROUP BY 1 ORDER BY 1"))
                .Select(r => $"{r.Item1}: {r.Item2}");
        });
        await SectionAsync(text, "tasks", async () =>
        {
            await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
            return (await connection.QueryAsync<(string, string?, long)>("SELECT status, stage, count(*) FROM user_tasks GROUP BY 1, 2 ORDER BY 1, 2"))
                .Select(r => $"{r.Item1}/{r.Item2}: {r.Item3}");
        });
        await SectionAsync(text, "scheduled messages", async () =>
        {
            await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
            return (await connection.QueryAsync<(string, string, double)>(
                    "SELECT destination, message_types[1], extract(epoch FROM due_at - now())::float8 FROM scheduled_messages ORDER BY due_at LIMIT 20"))
                .Select(r => $"{r.Item2} to {r.Item1}, due in {r.Item3:0.0}s");
        });
        await SectionAsync(text, "failed messages", async () =>
        {
            await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
            return (await connection.QueryAsync<(string, string, string, int)>(
                    "SELECT queue, exception_type, left(exception_message, 300), failure_count FROM failed_messages ORDER BY last_failed_at DESC LIMIT 10"))
                .Select(r => $"{r.Item1}: {r.Item2} x{r.Item4}: {r.Item3}");
        });
        await SectionAsync(text, "queues (management statistics, up to 5 s old)", async () =>
        {
            var queues = await fixture.Infrastructure.QueuesAsync();
            return queues.EnumerateArray().Select(q =>
                $"{q.GetProperty("name").GetString()}: ready {Number(q, "messages_ready")}, unacked {Number(q, "messages_unacknowledged")}, consumers {Number(q, "consumers")}")
                .ToList();
        });
        await SectionAsync(text, "AI", () => Task.FromResult<IEnumerable<string>>(
        [
            $"{ai.CallCount} calls, {ai.InFlight} in flight; last: {string.Join(", ", ai.Requests.TakeLast(8).Select(r => r.SchemaName ?? "?"))}",
        ]));
        return text.ToString();
    }

    private static async Task SectionAsync(StringBuilder text, string title, Func<Task<IEnumerable<string>>> lines)
    {
        text.Append('\n').Append(title).Append(':');
        try
        {
            var any = false;
            foreach (var line in await lines())
            {
                text.Append("\n  ").Append(line);
                any = true;
            }
            if (!any) text.Append(" none");
        }
        catch (Exception e)
        {
            text.Append(" (unavailable: ").Append(e.Message).Append(')');
        }
    }

    private static string Number(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString() : "?";
}
