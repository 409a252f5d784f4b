using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Conversations;

/// <summary>Edge.Api in process; the reply worker is a real Handlers process the test kills mid-reply.</summary>
public sealed class ReplyWorkerProcessFixture : PipelineFixture
{
    public FakeOpenAiServer Model { get; private set; } = null!;

    protected override bool HostsHandlersInProcess => false;
    protected override IDictionary<string, string?> ExtraSettings => Model.AiSettings;

    public override async ValueTask InitializeAsync()
    {
        Model = await FakeOpenAiServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Model.DisposeAsync();
    }
}

/// <summary>A Handlers process killed (SIGKILL) while the model is answering: the user's message stays, and the reply is
/// produced exactly once by the next worker.</summary>
public sealed class A_reply_worker_killed_mid_reply(ReplyWorkerProcessFixture fixture) : IClassFixture<ReplyWorkerProcessFixture>
{
    [Fact]
    public async Task Leaves_the_users_message_and_the_next_worker_replies_exactly_once()
    {
        fixture.Model.Behaviour = _ => FakeChatReply.WithContent("The reply after the crash.");
        fixture.Model.Latency = TimeSpan.FromSeconds(30);
        var user = await fixture.SignUpAsync();
        var store = fixture.Api.Services.GetRequiredService<ConversationStore>();
        var conversation = await store.CreateAsync(new NewConversation(ConversationKinds.Assistant, user.Id, "Crash test"), CancellationToken.None);
        await using var scope = fixture.Api.Services.CreateAsyncScope();
        var replies = scope.ServiceProvider.GetRequiredService<ConversationReplies>();

        var doomed = await HandlersProcess.StartAsync(fixture.Settings, "reply-worker-doomed");
        ConversationMessage asked;
        try
        {
            asked = await replies.SendAsync(conversation, "Will you survive?", CancellationToken.None);
            await Eventually.HoldsAsync(async () => fixture.Model.InFlight == 1
                    && (await store.GetReplyToAsync(asked.Id, CancellationToken.None))?.Status == MessageStatuses.Streaming,
                TimeSpan.FromSeconds(30), "the model call in flight and the reply row streaming");
            await doomed.KillAsync();
        }
        finally
        {
            await doomed.DisposeAsync();
        }
        fixture.Model.Latency = TimeSpan.Zero;

        await using var survivor = await HandlersProcess.StartAsync(fixture.Settings, "reply-worker-survivor");
        var reply = await Eventually.ReturnsAsync(() => store.GetReplyToAsync(asked.Id, CancellationToken.None),
            r => r?.Status == MessageStatuses.Completed, TimeSpan.FromSeconds(60), "the reply completed by the next worker");

        Assert.Equal("The reply after the crash.", reply!.Content);
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        var rows = (await connection.QueryAsync<(string Role, string Content)>(
            "SELECT role, content FROM conversation_messages WHERE conversation_id = @id ORDER BY id", new { id = conversation.Id })).ToList();
        Assert.Equal([("user", "Will you survive?"), ("assistant", "The reply after the crash.")], rows);
    }
}
