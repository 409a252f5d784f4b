using Microsoft.Extensions.Options;
using Pipeline.ServiceDefaults.Messaging;
using RabbitMQ.Client;

namespace Pipeline.Operations.Broker;

/// <summary>
/// A plain RabbitMQ.Client connection for operations work MassTransit does not do: consuming the error queues as raw
/// messages and re-publishing them byte for byte with publisher confirms. One per process, opened on first use,
/// recovered by the client library after network failures.
/// </summary>
public sealed class BrokerConnection(IOptions<RabbitMqOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IConnection? _connection;

    public async Task<IChannel> CreateChannelAsync(bool publisherConfirms, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var channelOptions = new CreateChannelOptions(publisherConfirmationsEnabled: publisherConfirms,
            publisherConfirmationTrackingEnabled: publisherConfirms);
        return await connection.CreateChannelAsync(channelOptions, cancellationToken);
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open) return open;
        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } opened) return opened;
            if (_connection is not null) await _connection.DisposeAsync();
            var rabbit = options.Value;
            var factory = new ConnectionFactory
            {
                HostName = rabbit.Host,
                Port = rabbit.Port,
                VirtualHost = rabbit.VirtualHost,
                UserName = rabbit.Username,
                Password = rabbit.Password,
                ClientProvidedName = $"{AppDomain.CurrentDomain.FriendlyName} operations",
                AutomaticRecoveryEnabled = true,
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _opening.Dispose();
    }
}
