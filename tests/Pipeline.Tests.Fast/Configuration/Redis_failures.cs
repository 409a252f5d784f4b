using Pipeline.Domain.Database;
using StackExchange.Redis;

namespace Pipeline.Tests.Fast.Configuration;

/// <summary>What counts as "Redis unavailable" (callers then fall back to PostgreSQL or count in the instance).</summary>
public sealed class Redis_failures
{
    [Fact]
    public void The_reader_pipe_failing_inside_the_client_is_Redis_being_unavailable()
    {
        // StackExchange.Redis#3085: the client's completed reader pipe throws this to callers while it reconnects.
        var pipe = new System.IO.Pipelines.Pipe();
        pipe.Reader.Complete();
        var pipeFailure = Record.Exception(() => pipe.Reader.AdvanceTo(default));

        Assert.IsType<InvalidOperationException>(pipeFailure);
        Assert.True(RedisFailure.IsUnavailable(pipeFailure));
    }

    [Fact]
    public void Timeouts_and_connection_failures_are_unavailable_but_a_bug_of_ours_is_not()
    {
        Assert.True(RedisFailure.IsUnavailable(new RedisConnectionException(ConnectionFailureType.SocketClosed, "closed")));
        Assert.True(RedisFailure.IsUnavailable(new TimeoutException()));
        Assert.True(RedisFailure.IsUnavailable(new TaskCanceledException()));
        Assert.False(RedisFailure.IsUnavailable(new InvalidOperationException("a bug of ours")));
        Assert.False(RedisFailure.IsUnavailable(new NullReferenceException()));
    }
}
