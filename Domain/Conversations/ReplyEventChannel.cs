using Microsoft.Extensions.Options;
using Pipeline.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Pipeline.Domain.Conversations;

/// <summary>
/// The Redis pub/sub channel per conversation root (a chat's session, or the conversation itself) on which the reply
/// worker publishes <see cref="ReplyEvent"/>s. Whichever edge instance holds a client's socket subscribes, so every
/// socket on one session sees every reply, whoever asked.
/// </summary>
public sealed class ReplyEventChannel(IConnectionMultiplexer redis, IOptions<RedisOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;
    private readonly TimeSpan _timeout = TimeSpan.FromMilliseconds(Math.Max(1000, redis.TimeoutMilliseconds));

    public RedisChannel ChannelOf(long rootConversationId) => RedisChannel.Literal($"{_prefix}conversation-replies:{rootConversationId}");

    /// <summary>Publishes without waiting for Redis to confirm: tokens are best effort (the stored reply is the truth).</summary>
    public void Publish(long rootConversationId, ReplyEvent replyEvent) =>
        redis.GetSubscriber().Publish(ChannelOf(rootConversationId), replyEvent.ToJson(), CommandFlags.FireAndForget);

    public async Task PublishAsync(long rootConversationId, ReplyEvent replyEvent) =>
        await redis.GetSubscriber().PublishAsync(ChannelOf(rootConversationId), replyEvent.ToJson()).WaitAsync(_timeout);

    /// <summary>Calls <paramref name="onEvent"/> for each event on the root's channel (in order) until disposed.</summary>
    public async Task<IAsyncDisposable> SubscribeAsync(long rootConversationId, Action<ReplyEvent> onEvent)
    {
        // A message queue, not an Action handler: StackExchange.Redis 2 runs Action handlers concurrently, out of order.
        var queue = await redis.GetSubscriber().SubscribeAsync(ChannelOf(rootConversationId)).WaitAsync(_timeout);
        queue.OnMessage(message =>
        {
            if (ReplyEvent.FromJson(message.Message!) is { } replyEvent) onEvent(replyEvent);
        });
        return new Subscription(queue, _timeout);
    }

    private sealed class Subscription(ChannelMessageQueue queue, TimeSpan timeout) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try { await queue.UnsubscribeAsync().WaitAsync(timeout); }
            catch (Exception e) when (RedisFailure.IsUnavailable(e)) { /* the connection is gone, and the subscription with it */ }
        }
    }
}
