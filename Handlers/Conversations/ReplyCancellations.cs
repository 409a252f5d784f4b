using System.Collections.Concurrent;

namespace Pipeline.Handlers.Conversations;

/// <summary>The replies this worker process is generating, by conversation, so a <c>StopReply</c> can cancel them.</summary>
public sealed class ReplyCancellations
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Registration, byte>> _byConversation = new();

    public Registration Register(long conversationId, CancellationToken consumeToken)
    {
        var registration = new Registration(this, conversationId, consumeToken);
        _byConversation.GetOrAdd(conversationId, _ => new()).TryAdd(registration, 0);
        return registration;
    }

    /// <summary>Stops every reply in flight in the conversation here; how many there were.</summary>
    public int Stop(long conversationId)
    {
        if (!_byConversation.TryGetValue(conversationId, out var registrations)) return 0;
        foreach (var registration in registrations.Keys) registration.Stop();
        return registrations.Count;
    }

    private void Remove(Registration registration)
    {
        if (_byConversation.TryGetValue(registration.ConversationId, out var registrations))
            registrations.TryRemove(registration, out _);
    }

    public sealed class Registration : IDisposable
    {
        private readonly ReplyCancellations _owner;
        private readonly CancellationTokenSource _source;
        private volatile bool _stopRequested;

        internal Registration(ReplyCancellations owner, long conversationId, CancellationToken consumeToken)
        {
            _owner = owner;
            ConversationId = conversationId;
            _source = CancellationTokenSource.CreateLinkedTokenSource(consumeToken);
        }

        public long ConversationId { get; }

        /// <summary>Cancelled when the reply is stopped or the worker shuts down.</summary>
        public CancellationToken Token => _source.Token;

        /// <summary>True when a user stopped the reply (as opposed to the worker shutting down).</summary>
        public bool StopRequested => _stopRequested;

        public void Stop()
        {
            _stopRequested = true;
            try { _source.Cancel(); }
            catch (ObjectDisposedException) { /* the reply has just ended */ }
        }

        public void Dispose()
        {
            _owner.Remove(this);
            _source.Dispose();
        }
    }
}
