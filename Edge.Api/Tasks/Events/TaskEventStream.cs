using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using Pipeline.Domain.Tasks;

namespace Pipeline.Edge.Api.Tasks.Events;

/// <summary>
/// <c>GET /api/tasks/{task_id}/events</c>: Server-Sent Events, one <c>status</c> event per status change, fed by the
/// task's Redis channel; the stream ends with the task. PostgreSQL is read every <see cref="PollInterval"/> as well,
/// whether or not the channel carries anything (a channel that keeps announcing older statuses must not hide the end),
/// so a Redis outage or a missed message only delays an event, never loses the end of the stream.
/// </summary>
internal static class TaskEventStream
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static async Task StreamAsync(string task_id, HttpContext http, ClaimsPrincipal user, TaskStatusReader reader,
        ITaskStatusCache cache, TaskStore tasks, ILogger logger, CancellationToken cancellationToken)
    {
        var current = await reader.GetVisibleAsync(task_id, user, cancellationToken);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";

        var updates = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        await using var subscription = await TrySubscribeAsync(cache, task_id, updates.Writer, logger);

        var last = DateTimeOffset.MinValue;
        var json = current.Json;
        var nextCheck = DateTimeOffset.UtcNow + PollInterval;
        while (true)
        {
            var (status, updatedAt) = Describe(json);
            if (updatedAt > last)
            {
                last = updatedAt;
                await http.Response.WriteAsync($"event: status\ndata: {json}\n\n", cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
            }
            if (TaskStatuses.IsFinal(status)) return;

            var wait = nextCheck - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero && await NextUpdateAsync(updates.Reader, wait, cancellationToken) is { } update)
            {
                json = update;
                continue;
            }
            nextCheck = DateTimeOffset.UtcNow + PollInterval;
            var stored = await tasks.FindAsync(task_id, cancellationToken);
            if (stored is null) return; // the task vanished (its user was deleted)
            json = TaskStatusJson.Serialize(stored);
        }
    }

    /// <summary>The next status announced on the task's channel, or null when none came within <paramref name="wait"/>.</summary>
    private static async Task<string?> NextUpdateAsync(ChannelReader<string> updates, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await updates.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static (string Status, DateTimeOffset UpdatedAt) Describe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (root.GetProperty("status").GetString() ?? "", root.GetProperty("updated_at").GetDateTimeOffset());
    }

    private static async Task<IAsyncDisposable> TrySubscribeAsync(ITaskStatusCache cache, string taskId, ChannelWriter<string> writer, ILogger logger)
    {
        try
        {
            return await cache.SubscribeAsync(taskId, json => { writer.TryWrite(json); return Task.CompletedTask; });
        }
        catch (Exception e)
        {
            logger.LogInformation("Live progress for {TaskId} falls back to polling: {Error}", taskId, e.Message);
            return NoSubscription.Instance;
        }
    }

    private sealed class NoSubscription : IAsyncDisposable
    {
        public static readonly NoSubscription Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
