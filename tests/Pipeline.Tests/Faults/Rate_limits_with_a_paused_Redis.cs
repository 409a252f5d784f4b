using Microsoft.Extensions.DependencyInjection;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Tests.Faults;

/// <summary>
/// Rate limits while Redis stops answering (SIGSTOP): each instance counts on from Redis's last count. A fixture of its
/// own, so the pause does not reach the other paused-Redis tests (a status written while the cache backs off is lost).
/// </summary>
public sealed class Rate_limits_with_a_paused_Redis(PrivateRedisFixture fixture) : IClassFixture<PrivateRedisFixture>
{
    [Fact]
    public async Task A_rate_limit_window_goes_on_from_the_count_Redis_gave_while_Redis_is_paused()
    {
        var limiter = fixture.Api.Services.GetRequiredService<LearnTracRateLimiter>();
        var limit = new NamedRateLimit("paused-redis-test", "paused_redis_test", new RateLimitPolicyOptions { Limit = 5, Window = TimeSpan.FromHours(1) });
        var subject = $"user:{Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++) await limiter.AcquireAsync(subject, [limit]);

        var counted = new List<PolicyDecision>();
        fixture.Redis.Freeze();
        try
        {
            for (var i = 0; i < 3; i++) counted.Add((await limiter.AcquireAsync(subject, [limit])).Single());
        }
        finally
        {
            fixture.Redis.Resume();
        }

        // Counted on from 3 in this instance, not from zero: the 4th and 5th pass, the 6th is refused.
        Assert.Equal([1, 0, 0], counted.Select(d => d.Remaining));
        Assert.Equal([false, false, true], counted.Select(d => d.Exceeded));
    }
}
