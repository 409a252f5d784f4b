using System.Diagnostics;
using System.Text;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Domain.Conversations;
using Pipeline.ServiceDefaults.Redis;
using Pipeline.Domain.Tracks;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Conversations;

namespace Pipeline.Handlers.Conversations;

/// <summary>
/// Answers one stored message: writes the reply row before the model's first token (status streaming), streams the
/// model's tokens onto the conversation's Redis channel (batched while a publish is in flight: <see cref="TokenBatcher"/>)
/// and the owner's realtime feed, saves the text so far every
/// <see cref="ConversationOptions.SaveIntervalMs"/>, and ends the row completed, stopped or failed. A redelivery finds
/// the finished reply and only repeats the answer; one a killed worker left streaming is written again from the start.
/// </summary>
public sealed class GenerateReplyConsumer(
    ConversationStore store,
    ReplyEventChannel channel,
    RealtimeChatFeed realtimeChat,
    ReplyPromptBuilder prompts,
    ReplyCancellations cancellations,
    ConcurrencyLimitingChatClient chat,
    IOptions<ConversationOptions> options,
    AiUserConfigStore userConfigs,
    ILogger<GenerateReplyConsumer> logger) : IConsumer<GenerateReply>
{
    public async Task Consume(ConsumeContext<GenerateReply> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var conversation = await store.GetAsync(command.ConversationId, cancellationToken);
        var answered = await store.GetMessageAsync(command.UserMessageId, cancellationToken);
        if (conversation is null || conversation.OwnerId != command.UserId || answered is null || answered.ConversationId != conversation.Id
            || answered.Role == MessageRoles.Assistant)
        {
            logger.LogWarning("GenerateReply for message {MessageId} of conversation {ConversationId}: no such message of that user's conversation",
                command.UserMessageId, command.ConversationId);
            await RespondAsync(context, new ReplyFailed(command.ConversationId, command.UserMessageId, 0, "The conversation or message does not exist."));
            return;
        }

        // Not awaited here: the realtime feed is told while the reply row is written (its first token waits for it).
        // A hidden instruction (role system: a module's opening, say) is not the user's message: nothing to acknowledge.
        var acknowledged = answered.Role == MessageRoles.User ? realtimeChat.AcknowledgeAsync(conversation, answered.Id) : Task.CompletedTask;
        var model = chat.GetService<ChatClientMetadata>()?.DefaultModelId;
        var start = await store.StartReplyAsync(conversation.Id, answered.Id, model, cancellationToken);
        if (start.AlreadyFinished)
        {
            await acknowledged;
            await AnnounceAsync(context, conversation, answered.Id, start.Reply);
            return;
        }

        var reply = start.Reply;
        using var registration = cancellations.Register(conversation.Id, cancellationToken);
        channel.Publish(conversation.RootId, new ReplyEvent(ReplyEvent.Started, conversation.Id, answered.Id, reply.Id, CreatedAt: reply.CreatedAt));

        // The learner's own settings (seed 001 user-config) over the defaults.
        var config = await userConfigs.GetAsync(conversation.OwnerId, cancellationToken);
        var prompt = await prompts.BuildAsync(conversation, answered.Id, cancellationToken, ReplyPromptBuilder.Style(config));
        var settings = options.Value;
        // Some kinds ask for structured output (the tutoring chat): the prose streams, the rest is stored beside it.
        var chatOptions = StructuredReplies.Apply(new ChatOptions
        {
            Temperature = (float)(config["temperature"]?.GetValue<double>() ?? settings.Temperature),
            MaxOutputTokens = config["max_tokens"]?.GetValue<int>() ?? settings.MaxReplyTokens,
        }, conversation);
        var structured = chatOptions.ResponseFormat is null ? null : new JsonStringFieldStream(nameof(TutorAnswer.Message).ToLowerInvariant());
        var raw = new StringBuilder();
        var text = new StringBuilder();
        UsageDetails? usage = null;
        var status = MessageStatuses.Completed;
        string? error = null;
        var sinceSave = Stopwatch.StartNew();
        var sequence = 0;
        var channelTokens = new TokenBatcher(deltas => PublishTokensAsync(conversation.RootId,
            new ReplyEvent(ReplyEvent.Token, conversation.Id, answered.Id, reply.Id, deltas, ++sequence)), Task.CompletedTask);
        var feedTokens = realtimeChat.TokensOf(conversation, reply.Id, acknowledged);
        try
        {
            await foreach (var update in chat.GetStreamingResponseAsync(prompt, chatOptions, registration.Token))
            {
                foreach (var content in update.Contents.OfType<UsageContent>()) usage = content.Details;
                var delta = update.Text;
                if (string.IsNullOrEmpty(delta)) continue;
                raw.Append(delta);
                if (structured is not null) delta = structured.Feed(delta);
                if (delta.Length == 0) continue;
                text.Append(delta);
                channelTokens.Add(delta);
                feedTokens.Add(delta);
                if (sinceSave.ElapsedMilliseconds >= settings.SaveIntervalMs)
                {
                    // False: someone marked the reply stopped in the database (the edge does, besides publishing StopReply).
                    if (!await store.SaveStreamingTextAsync(reply.Id, text.ToString(), CancellationToken.None)) registration.Stop();
                    sinceSave.Restart();
                }
            }
        }
        catch (OperationCanceledException) when (registration.StopRequested)
        {
            status = MessageStatuses.Stopped;
        }
        catch (Exception e) when (e is AiPermanentException || (IsTransient(e) && context.GetRetryAttempt() >= settings.TransientRetries))
        {
            // Left streaming, a transient failure is retried (the row is written again from the start); this is for good.
            status = MessageStatuses.Failed;
            error = e.Message;
            logger.LogWarning(e, "The reply to message {MessageId} failed", answered.Id);
        }

        await channelTokens.FlushAsync();
        await feedTokens.FlushAsync();

        var promptTokens = (int)(usage?.InputTokenCount ?? prompt.Sum(m => ReplyPromptBuilder.EstimateTokens(m.Text)));
        var completionTokens = (int)(usage?.OutputTokenCount ?? (raw.Length + 3) / 4);
        if (structured is not null && status == MessageStatuses.Completed && StructuredReplies.Read(raw.ToString()) is { } answer)
        {
            // The stored content is the prose the learner saw streaming; the structured parts go beside it.
            text.Clear().Append(answer.Message);
            await store.SaveStructureAsync(reply.Id, new ReplyStructure(answer.CodeExamples, answer.FollowUpQuestions), CancellationToken.None);
        }
        else if (structured is { IsJson: true } && text.Length == 0 && status == MessageStatuses.Completed)
        {
            // JSON without the prose field: keep what the model said rather than nothing.
            text.Append(raw);
        }
        var cost = (decimal)(promptTokens * settings.PromptCostPer1kTokens + completionTokens * settings.CompletionCostPer1kTokens) / 1000m;
        var stored = await store.FinishReplyAsync(reply.Id, text.ToString(), status, promptTokens, completionTokens, decimal.Round(cost, 6),
            error, CancellationToken.None);
        await AnnounceAsync(context, conversation, answered.Id, stored);
    }

    /// <summary>Best effort, like every token: the stored reply is the truth, and a Redis away must not fail the reply.</summary>
    private async Task PublishTokensAsync(long rootConversationId, ReplyEvent tokens)
    {
        try
        {
            await channel.PublishAsync(rootConversationId, tokens);
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            logger.LogDebug("Tokens of reply {MessageId} were not published: {Error}", tokens.MessageId, e.Message);
        }
    }

    private static bool IsTransient(Exception e) =>
        e is AiTransientException or HttpRequestException or TimeoutException || e is NpgsqlException { IsTransient: true };

    /// <summary>Publishes the reply's final event (on its channel and the owner's realtime feed) and answers a waiting requester.</summary>
    private async Task AnnounceAsync(ConsumeContext context, Conversation conversation, long answeredId, ConversationMessage reply)
    {
        var type = reply.Status switch
        {
            MessageStatuses.Failed => ReplyEvent.Failed,
            MessageStatuses.Stopped => ReplyEvent.Stopped,
            _ => ReplyEvent.Completed,
        };
        channel.Publish(conversation.RootId, new ReplyEvent(type, conversation.Id, answeredId, reply.Id, Content: reply.Content,
            Detail: reply.Status == MessageStatuses.Failed ? "The AI could not answer; please try again." : null, CreatedAt: reply.CreatedAt));
        await realtimeChat.FinishAsync(conversation, reply);
        if (reply.Status == MessageStatuses.Failed)
            await RespondAsync(context, new ReplyFailed(conversation.Id, answeredId, reply.Id, reply.Error ?? "The model call failed."));
        else
            await RespondAsync(context, new ReplyCompleted(conversation.Id, answeredId, reply.Id, reply.Content, reply.Status, reply.CreatedAt,
                reply.PromptTokens, reply.CompletionTokens));
    }

    // Sent without a request (the WebSocket path), there is nobody to answer: RespondAsync would publish instead.
    private static Task RespondAsync<T>(ConsumeContext context, T response) where T : class =>
        context.ResponseAddress is null ? Task.CompletedTask : context.RespondAsync(response);
}
