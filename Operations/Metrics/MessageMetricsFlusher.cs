using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Operations.Endpoints;

namespace Pipeline.Operations.Metrics;

/// <summary>
/// Writes this instance's cumulative counters to <c>message_metrics</c> every <c>Operations:MetricsFlushSeconds</c>
/// (and once more on shutdown), so any Edge.Api instance can report the totals of every instance.
/// </summary>
public sealed class MessageMetricsFlusher(MessageMetrics metrics, EndpointIdentity identity, NpgsqlDataSource dataSource,
    IOptions<OperationsOptions> options, ILogger<MessageMetricsFlusher> logger) : BackgroundService
{
    private const string Upsert = """
        INSERT INTO message_metrics (instance_id, endpoint, message_type, processed, failed, retried, processing_ms_sum,
            processing_buckets, critical_ms_sum, critical_buckets, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
        ON CONFLICT (instance_id, message_type) DO UPDATE SET
            processed = EXCLUDED.processed, failed = EXCLUDED.failed, retried = EXCLUDED.retried,
            processing_ms_sum = EXCLUDED.processing_ms_sum, processing_buckets = EXCLUDED.processing_buckets,
            critical_ms_sum = EXCLUDED.critical_ms_sum, critical_buckets = EXCLUDED.critical_buckets, updated_at = now()
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.MetricsFlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await TryFlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryFlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var snapshot = metrics.Snapshot();
        if (snapshot.Count == 0) return;
        await using var batch = dataSource.CreateBatch();
        foreach (var type in snapshot)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            foreach (var value in new object[] { identity.InstanceId, identity.Endpoint, type.MessageType, type.Processed, type.Failed,
                         type.Retried, type.ProcessingMsSum, type.ProcessingBuckets, type.CriticalMsSum, type.CriticalBuckets })
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Counters are cumulative: the next flush writes what this one could not.
            logger.LogWarning(e, "Could not flush message metrics");
        }
    }
}
