using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages;
using Pipeline.Messages.Conversations;

namespace Pipeline.Edge.Api.Conversations;

/// <summary>
/// The edge's side of the conversation engine, for every feature that chats (seed 001 planning and module chats,
/// seed 003 tutoring, seed 004 assistant): store a user's message and ask for its reply (<see cref="SendAsync"/>, the
/// reply streams on the conversation's channel), or ask and wait for it within <see cref="ConversationClientOptions.ReplyWaitSeconds"/>
/// (<see cref="AskAsync"/>), follow the replies of a conversation (<see cref="SubscribeAsync"/>), stop one in flight
/// (<see cref="StopAsync"/>). The model is only ever called by the Handlers reply worker.
/// </summary>
public sealed class ConversationReplies(
    ConversationStore store,
    ReplyEventChannel channel,
    ISendEndpointProvider sendEndpoints,
    IPublishEndpoint publishEndpoint,
    IRequestClient<GenerateReply> requestClient,
    IOptions<ConversationClientOptions> options)
{
    public const int MaxMessageLength = 8000;

    /// <summary>Stores <paramref name="content"/> (role user, or system for a hidden instruction) and sends GenerateReply
    /// without waiting; subscribe to the conversation's root channel first to see every token.</summary>
    public async Task<ConversationMessage> SendAsync(Conversation conversation, string content, CancellationToken cancellationToken,
        string role = MessageRoles.User)
    {
        var message = await store.AppendAsync(conversation.Id, role, content, cancellationToken);
        await SendGenerateReplyAsync(conversation, message.Id, cancellationToken);
        return message;
    }

    /// <summary>Asks again for the reply to a stored message (e.g. after a failure); never produces a second reply.</summary>
    public async Task SendGenerateReplyAsync(Conversation conversation, long messageId, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.Address(QueueNames.GenerateReply));
            await endpoint.Send(new GenerateReply(conversation.Id, messageId, conversation.OwnerId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The AI service is unavailable; please try again.");
        }
    }

    /// <summary>Stores the message and waits for its reply (bounded); 504 when it takes longer (it is still stored later),
    /// 502 when the model failed.</summary>
    public async Task<ReplyOutcome> AskAsync(Conversation conversation, string content, CancellationToken cancellationToken,
        string role = MessageRoles.User)
    {
        var message = await store.AppendAsync(conversation.Id, role, content, cancellationToken);
        return new ReplyOutcome(message, await WaitForReplyAsync(conversation, message.Id, cancellationToken));
    }

    /// <summary>Sends GenerateReply for a stored message as a request and waits for the reply (an already finished one
    /// is answered at once).</summary>
    public async Task<ReplyCompleted> WaitForReplyAsync(Conversation conversation, long messageId, CancellationToken cancellationToken)
    {
        var wait = options.Value.ReplyWaitSeconds;
        Response<ReplyCompleted, ReplyFailed> response;
        try
        {
            response = await requestClient.GetResponse<ReplyCompleted, ReplyFailed>(
                new GenerateReply(conversation.Id, messageId, conversation.OwnerId), cancellationToken, RequestTimeout.After(s: wait));
        }
        catch (RequestTimeoutException)
        {
            throw new ApiException(StatusCodes.Status504GatewayTimeout,
                $"The AI did not answer within {wait} s; the reply will appear in the chat's messages when it is ready.");
        }
        catch (Exception e) when (e is not (OperationCanceledException or ApiException))
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The AI service is unavailable; please try again.");
        }
        if (response.Is(out Response<ReplyCompleted>? completed)) return completed.Message;
        response.Is(out Response<ReplyFailed>? failed);
        throw new ApiException(StatusCodes.Status502BadGateway, $"The AI could not answer: {failed!.Message.Reason}");
    }

    /// <summary>Follows every reply in the conversation root's chats (a session and its chats share one channel).</summary>
    public Task<IAsyncDisposable> SubscribeAsync(long rootConversationId, Action<ReplyEvent> onEvent) =>
        channel.SubscribeAsync(rootConversationId, onEvent);

    /// <summary>Stops the conversation's reply in flight: marked stopped at once, and the worker generating it cancels
    /// the model call (the text so far is kept).</summary>
    public async Task StopAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        await store.StopStreamingRepliesAsync(conversation.Id, cancellationToken);
        await publishEndpoint.Publish(new StopReply(conversation.Id), cancellationToken);
    }
}
