using Pipeline.Domain.Conversations.ChatFrames;
using Pipeline.Handlers.Conversations;

namespace Pipeline.Tests.Fast.Conversations;

/// <summary>
/// Tokens that arrive while the reader is busy travel together: on Redis while a send is in flight
/// (<see cref="TokenBatcher"/>), on a socket while frames wait for it (<see cref="TokenFrame.MergeWith"/>).
/// </summary>
public sealed class Batching_tokens_for_slow_readers
{
    [Fact]
    public async Task Tokens_wait_for_the_ack_then_go_one_append_at_a_time_in_order()
    {
        var appended = new List<string>();
        var ack = new TaskCompletionSource();
        var inFlight = new TaskCompletionSource();
        var tokens = new TokenBatcher(deltas =>
        {
            appended.Add(deltas);
            return inFlight.Task;
        }, ack.Task);

        tokens.Add("Go");
        tokens.Add("routines ");
        Assert.Empty(appended);

        ack.SetResult();
        tokens.Add("are ");
        Assert.Equal(["Goroutines are "], appended);
        tokens.Add("cheap ");
        tokens.Add("threads");
        Assert.Single(appended);

        inFlight.SetResult();
        await tokens.FlushAsync();
        Assert.Equal(["Goroutines are ", "cheap threads"], appended);
        await tokens.FlushAsync();
        Assert.Equal(2, appended.Count);
    }

    [Fact]
    public async Task Nothing_is_appended_for_a_reply_without_tokens()
    {
        var appended = 0;
        var tokens = new TokenBatcher(_ =>
        {
            appended++;
            return Task.CompletedTask;
        }, Task.CompletedTask);

        await tokens.FlushAsync();

        Assert.Equal(0, appended);
    }

    [Fact]
    public void Token_frames_merge_only_within_one_reply()
    {
        var first = new TokenFrame(MessageId: 7, ChatId: 3, "Go");

        Assert.Equal(new TokenFrame(7, 3, "Goroutines"), first.MergeWith(new TokenFrame(7, 3, "routines")));
        Assert.Null(first.MergeWith(new TokenFrame(8, 3, "x")));
        Assert.Null(first.MergeWith(new TokenFrame(7, 4, "x")));
        Assert.Null(first.MergeWith(new AckFrame(9, 3)));
    }
}
