using System.Net;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Security;

public sealed class Ai_rate_limits(LowRateLimitFixture fixture) : IClassFixture<LowRateLimitFixture>
{
    [Fact]
    public async Task Each_user_gets_the_limit_with_seed_003_headers_then_a_429_with_retry_after()
    {
        var learner = await fixture.SignUpAsync();
        var other = await fixture.SignUpAsync();

        for (var remaining = 2; remaining >= 0; remaining--)
        {
            var accepted = await learner.Client.GenerateInBackgroundAsync($"Learn topic {remaining} in 7 days");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal("3", accepted.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal(remaining.ToString(), accepted.Headers.GetValues("X-RateLimit-Remaining").Single());
            var reset = long.Parse(accepted.Headers.GetValues("X-RateLimit-Reset").Single());
            Assert.InRange(reset, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds() + 1);
        }

        var refused = await learner.Client.GenerateAsync("Learn one more thing in 7 days");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("0", refused.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Contains("Too many generation requests", (await refused.JsonAsync()).GetProperty("detail").GetString());
        var tasks = await (await learner.Client.GetAsync("/api/tasks/users/me")).JsonAsync();
        Assert.Equal(3, tasks.GetArrayLength()); // the refused request stored nothing
        // Limits are per user.
        Assert.Equal(HttpStatusCode.Accepted, (await other.Client.GenerateInBackgroundAsync("Learn cooking in 7 days")).StatusCode);
    }

    [Fact]
    public async Task Guests_get_a_smaller_share()
    {
        var guest = await fixture.GuestAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await guest.Client.GenerateInBackgroundAsync("Learn drawing in 7 days")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guest.Client.GenerateInBackgroundAsync("Learn painting in 7 days")).StatusCode);
    }
}
