using System.Net;
using System.Net.Sockets;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a shared service, so one fixture can lose that service without anyone else
/// noticing: <see cref="CutAsync"/> resets every relayed connection and refuses new ones, as a restarting server does;
/// <see cref="Restore"/> accepts again on the same port.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _lock = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource _accepting = new();

    private TcpForwarder(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    public static TcpForwarder Start(IPEndPoint target)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var forwarder = new TcpForwarder(target, port);
        forwarder.Restore();
        return forwarder;
    }

    /// <summary>Accepts connections (again) and relays them to the target.</summary>
    public void Restore()
    {
        lock (_lock)
        {
            if (_listener is not null) return;
            _accepting = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = AcceptAsync(_listener, _accepting.Token);
        }
    }

    /// <summary>Refuses new connections and resets every open one (RST, not a polite close).</summary>
    public async Task CutAsync()
    {
        List<TcpClient> open;
        lock (_lock)
        {
            _listener?.Stop();
            _listener = null;
            open = [.. _connections];
            _connections.Clear();
        }
        await _accepting.CancelAsync();
        foreach (var connection in open)
        {
            try
            {
                // A relay that just ended on its own has disposed its client already (and Client is null then).
                if (connection.Client is { } socket) socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
            }
            connection.Dispose();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client, cancellationToken);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var server = new TcpClient();
        lock (_lock)
        {
            _connections.Add(client);
            _connections.Add(server);
        }
        try
        {
            await server.ConnectAsync(_target, cancellationToken);
            var up = client.GetStream().CopyToAsync(server.GetStream(), cancellationToken);
            var down = server.GetStream().CopyToAsync(client.GetStream(), cancellationToken);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut, or one side went away: the other side is closed below.
        }
        finally
        {
            lock (_lock)
            {
                _connections.Remove(client);
                _connections.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await CutAsync();
}
