using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Pipeline.Operations;
using Pipeline.Operations.Broker;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Operations.FailedMessages;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Pipeline.Operations.FailedMessages;

/// <summary>
/// ServiceControl's error ingestion: consumes every <c>*_error</c> queue of the virtual host (found through the
/// management API, again every <c>Operations:ErrorQueueDiscoverySeconds</c>) and stores each message in
/// <c>failed_messages</c>. A message is acked only after its row committed, so a crash in between leaves it on the
/// queue to be stored again (the upsert makes that harmless): nothing is lost.
/// It runs in Handlers: the workers' host is the one meant to run background consumers and scale out; several
/// instances simply compete for the error queues, and Edge.Api stays an HTTP edge.
/// </summary>
public sealed class ErrorQueueIngestion(BrokerConnection broker, RabbitMqManagementClient management, FailedMessageStore store,
    IOptions<OperationsOptions> options, TimeProvider time, ILogger<ErrorQueueIngestion> logger) : BackgroundService
{
    private const ushort Prefetch = 20;
    private readonly ConcurrentDictionary<string, IChannel> _consumers = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.ErrorQueueDiscoverySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeNewErrorQueuesAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Error queue discovery failed; trying again in {Seconds}s", every.TotalSeconds);
            }
            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var channel in _consumers.Values)
        {
            try { await channel.CloseAsync(cancellationToken); }
            catch (Exception e) { logger.LogDebug(e, "Closing an error-queue channel failed"); }
        }
        _consumers.Clear();
    }

    private async Task ConsumeNewErrorQueuesAsync(CancellationToken stoppingToken)
    {
        var queues = await management.ListQueuesAsync(stoppingToken);
        foreach (var queue in queues.Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal)))
        {
            if (_consumers.TryGetValue(queue.Name, out var existing) && existing.IsOpen) continue;
            var channel = await broker.CreateChannelAsync(publisherConfirms: false, stoppingToken);
            await channel.BasicQosAsync(0, Prefetch, false, stoppingToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            var errorQueue = queue.Name;
            consumer.ReceivedAsync += (_, delivery) => IngestAsync(channel, errorQueue, delivery, stoppingToken);
            await channel.BasicConsumeAsync(errorQueue, autoAck: false, consumer, stoppingToken);
            _consumers[errorQueue] = channel;
            logger.LogInformation("Ingesting failed messages from {ErrorQueue}", errorQueue);
        }
    }

    private async Task IngestAsync(IChannel channel, string errorQueue, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        try
        {
            var message = FailedDelivery.Read(errorQueue, delivery.BasicProperties, delivery.Body.ToArray(), time.GetUtcNow());
            await store.StoreAsync(message, stoppingToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not store a failed message from {ErrorQueue}; it stays on the queue", errorQueue);
            if (stoppingToken.IsCancellationRequested || !channel.IsOpen) return; // unacked messages return when the channel closes
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
        }
    }
}
