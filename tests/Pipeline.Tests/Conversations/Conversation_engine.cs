using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Handlers.Ai.Offline;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Conversations;

/// <summary>The shared conversation engine on the real services, with the offline provider: what seeds 001, 003 and
/// 004 chats are built on.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Conversation_engine(PipelineFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private ConversationStore Store => fixture.Api.Services.GetRequiredService<ConversationStore>();

    private async Task<(Conversation Conversation, AsyncServiceScope Scope, ConversationReplies Replies)> NewConversationAsync(string kind = ConversationKinds.Tutoring)
    {
        var user = await fixture.SignUpAsync();
        var conversation = await Store.CreateAsync(new NewConversation(kind, user.Id, "Engine test"), CancellationToken.None);
        var scope = fixture.Api.Services.CreateAsyncScope();
        return (conversation, scope, scope.ServiceProvider.GetRequiredService<ConversationReplies>());
    }

    [Fact]
    public async Task A_reply_streams_its_tokens_before_it_is_stored_completed()
    {
        var (conversation, scope, replies) = await NewConversationAsync();
        await using var _ = scope;
        var events = new ConcurrentQueue<ReplyEvent>();
        await using (await replies.SubscribeAsync(conversation.RootId, events.Enqueue))
        {
            var outcome = await replies.AskAsync(conversation, "What is a closure?", CancellationToken.None);

            Assert.Equal(MessageStatuses.Completed, outcome.Reply.Status);
            Assert.StartsWith(OfflineChatReply.Label, outcome.Reply.Content);
            Assert.Contains("What is a closure?", outcome.Reply.Content);
            await Eventually.HoldsAsync(() => Task.FromResult(events.Any(e => e.Type == ReplyEvent.Completed)), Deadline, "the completed event");

            var seen = events.Where(e => e.UserMessageId == outcome.Asked.Id).ToList();
            Assert.Equal(ReplyEvent.Started, seen[0].Type);
            var tokens = seen.Where(e => e.Type == ReplyEvent.Token).ToList();
            // The offline model answers at once: its tokens go in a few events, batched while a publish is in flight
            // (TokenBatcher); with a model slower than Redis each token is its own event (Chatting_over_a_websocket).
            Assert.NotEmpty(tokens);
            Assert.True(seen.FindIndex(e => e.Type == ReplyEvent.Token) < seen.FindIndex(e => e.Type == ReplyEvent.Completed));
            Assert.Equal(outcome.Reply.Content, string.Concat(tokens.OrderBy(t => t.Sequence).Select(t => t.Delta)));

            var stored = await Store.GetMessageAsync(outcome.Reply.MessageId, CancellationToken.None);
            Assert.Equal(MessageStatuses.Completed, stored!.Status);
            Assert.Equal(outcome.Asked.Id, stored.ReplyTo);
            Assert.True(stored.CompletionTokens > 0 && stored.PromptTokens > 0);
        }
    }

    [Fact]
    public async Task The_second_turn_sees_the_first()
    {
        var (conversation, scope, replies) = await NewConversationAsync();
        await using var _ = scope;

        await replies.AskAsync(conversation, "My favourite language is Haskell.", CancellationToken.None);
        var second = await replies.AskAsync(conversation, "Which one did I mention?", CancellationToken.None);

        Assert.Contains("Haskell", second.Reply.Content);
        var history = await Store.ListMessagesAsync(conversation.Id, null, includeSystem: false, CancellationToken.None);
        Assert.Equal(["user", "assistant", "user", "assistant"], history.Select(m => m.Role));
    }

    [Fact]
    public async Task Asking_again_for_the_same_message_never_produces_a_second_reply()
    {
        var (conversation, scope, replies) = await NewConversationAsync();
        await using var _ = scope;
        var first = await replies.AskAsync(conversation, "Explain recursion.", CancellationToken.None);

        // A redelivered GenerateReply (twice over, even at once) answers with the stored reply.
        var again = await Task.WhenAll(
            replies.WaitForReplyAsync(conversation, first.Asked.Id, CancellationToken.None),
            replies.WaitForReplyAsync(conversation, first.Asked.Id, CancellationToken.None));

        Assert.All(again, reply => Assert.Equal(first.Reply.MessageId, reply.MessageId));
        Assert.All(again, reply => Assert.Equal(first.Reply.Content, reply.Content));
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM conversation_messages WHERE conversation_id = @id AND role = 'assistant'", new { id = conversation.Id }));
    }

    [Fact]
    public async Task A_hidden_instruction_gets_an_opening_reply_and_is_not_shown_as_a_turn()
    {
        var (conversation, scope, replies) = await NewConversationAsync(ConversationKinds.Module);
        await using var _ = scope;

        var opening = await replies.AskAsync(conversation, "Open the lesson.", CancellationToken.None, MessageRoles.System);

        Assert.StartsWith(OfflineChatReply.Label + " Welcome", opening.Reply.Content);
        var shown = await Store.ListMessagesAsync(conversation.Id, null, includeSystem: false, CancellationToken.None);
        Assert.Equal(["assistant"], shown.Select(m => m.Role));
    }
}
