using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Operations;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Operations.Metrics;
using Pipeline.Domain.Tasks;

namespace Pipeline.Edge.Api.Operations.Metrics;

/// <summary>
/// Reads the system's metrics: queues from the RabbitMQ management API, message counters summed over every instance's
/// rows in <c>message_metrics</c>, stage durations and LLM tokens from <c>user_tasks</c>.
/// </summary>
public sealed class MetricsReader(NpgsqlDataSource dataSource, TaskStore tasks, RabbitMqManagementClient management, IOptions<OperationsOptions> options,
    ILogger<MetricsReader> logger)
{
    public async Task<MetricsSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var queues = await QueuesAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string MessageType, long Processed, long Failed, long Retried, double ProcessingMsSum,
            long[] ProcessingBuckets, double CriticalMsSum, long[] CriticalBuckets)>(new CommandDefinition(
            "SELECT message_type, processed, failed, retried, processing_ms_sum, processing_buckets, critical_ms_sum, critical_buckets FROM message_metrics",
            cancellationToken: cancellationToken));
        var messageTypes = rows.GroupBy(r => r.MessageType).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new MessageTypeSnapshot(
            g.Key, g.Sum(r => r.Processed), g.Sum(r => r.Failed), g.Sum(r => r.Retried),
            g.Sum(r => r.ProcessingMsSum), SumBuckets(g.Select(r => r.ProcessingBuckets)),
            g.Sum(r => r.CriticalMsSum), SumBuckets(g.Select(r => r.CriticalBuckets)))).ToList();

        var operatorRetries = (await connection.QueryAsync<(string, long)>(new CommandDefinition(
                "SELECT message_type, sum(retry_count)::bigint FROM failed_messages GROUP BY message_type", cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Item1, r => r.Item2);

        var stages = await tasks.StageDurationsAsync(cancellationToken);
        var llm = await tasks.LlmUsageAsync(cancellationToken);

        var failed = await connection.QuerySingleAsync<FailedMessageCounts>(new CommandDefinition("""
            SELECT count(*) FILTER (WHERE status = 'unresolved') AS "Unresolved", count(*) FILTER (WHERE status = 'archived') AS "Archived",
                   count(*) FILTER (WHERE status = 'retried') AS "Retried"
            FROM failed_messages
            """, cancellationToken: cancellationToken));

        var endpoints = (await connection.QueryAsync<(string, string, bool)>(new CommandDefinition("""
            SELECT endpoint, instance_id, now() - last_heartbeat_at <= make_interval(secs => @downAfter) FROM endpoint_instances ORDER BY 1, 2
            """, new { downAfter = options.Value.EndpointDownAfterSeconds }, cancellationToken: cancellationToken))).ToList();

        return new MetricsSnapshot(queues, messageTypes, operatorRetries, stages, llm, failed, endpoints);
    }

    private async Task<IReadOnlyList<QueueMetric>> QueuesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await management.ListQueuesAsync(cancellationToken))
                .Select(q => new QueueMetric(q.Name, q.Messages, q.MessagesReady, q.MessagesUnacknowledged, q.Consumers)).ToList();
        }
        catch (HttpRequestException e)
        {
            // The rest of the metrics are still worth showing while the management API is unreachable.
            logger.LogWarning(e, "RabbitMQ management API unreachable; metrics without queues");
            return [];
        }
    }

    private static long[] SumBuckets(IEnumerable<long[]> perInstance)
    {
        var sum = new long[MessageTimingBuckets.Count];
        foreach (var buckets in perInstance)
            for (var i = 0; i < Math.Min(sum.Length, buckets.Length); i++)
                sum[i] += buckets[i];
        return sum;
    }
}
