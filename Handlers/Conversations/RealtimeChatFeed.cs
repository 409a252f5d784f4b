using System.Text.Json;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Conversations.ChatFrames;
using Pipeline.Domain.Database;
using Pipeline.ServiceDefaults.Redis;
using Pipeline.Domain.Realtime;

namespace Pipeline.Handlers.Conversations;

/// <summary>
/// Puts a reply's chat frames on its owner's realtime feed (seed 004 <c>/api/v1/realtime/ws</c>): the same frames as
/// <c>/ws/chat</c> (docs/websocket.md), each naming its <c>chat_id</c>, so one socket follows every conversation of the
/// user and a reconnecting client replays what it missed. <c>ack</c> and the final frame carry once-keys (a redelivered
/// GenerateReply shows them once); the feed is best effort: with Redis away the reply is still stored and answered.
/// </summary>
public sealed class RealtimeChatFeed(RealtimeFeed feed, ILogger<RealtimeChatFeed> logger)
{
    /// <summary>The user's message is stored and its reply is on its way.</summary>
    public Task AcknowledgeAsync(Conversation conversation, long userMessageId) =>
        AppendAsync(conversation.OwnerId, new AckFrame(userMessageId, conversation.Id), $"chat-ack:{userMessageId}");

    /// <summary>The tokens of one reply, batched while an append is in flight, the first after <paramref name="acknowledged"/>.</summary>
    public TokenBatcher TokensOf(Conversation conversation, long replyId, Task acknowledged) =>
        new(deltas => AppendAsync(conversation.OwnerId, new TokenFrame(replyId, conversation.Id, deltas), onceKey: null), acknowledged);

    /// <summary>The stored reply: a <c>message</c> frame (completed or stopped), or an <c>error</c> frame when it failed.</summary>
    public Task FinishAsync(Conversation conversation, ConversationMessage reply)
    {
        IChatFrame frame = reply.Status == MessageStatuses.Failed
            ? new ErrorFrame("The AI could not answer; please try again.", conversation.Id)
            : new MessageFrame(new SocketMessage(reply.Id, conversation.Id, MessageRoles.Assistant, reply.Content, reply.Status, reply.CreatedAt));
        return AppendAsync(conversation.OwnerId, frame, $"chat-reply:{reply.Id}:{reply.Status}");
    }

    private async Task AppendAsync(long userId, IChatFrame frame, string? onceKey)
    {
        try
        {
            await feed.AppendAsync(userId, frame.Type, JsonSerializer.Serialize(frame, frame.GetType(), StoredJson.Options), onceKey);
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            logger.LogWarning("A {FrameType} frame for user {UserId} did not reach the realtime feed: {Error}", frame.Type, userId, e.Message);
        }
    }
}
