using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Tests.Fast.RateLimits;

/// <summary>Seed 003's per-group limits as configured (<see cref="LearnTracRateLimitOptions"/>).</summary>
public sealed class Rate_limit_policies
{
    private static LearnTracRateLimitOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddOptions<LearnTracRateLimitOptions>().BindConfiguration(LearnTracRateLimitOptions.Section).Services
            .BuildServiceProvider();
        return provider.GetRequiredService<IOptions<LearnTracRateLimitOptions>>().Value;
    }

    [Fact]
    public void Without_settings_the_seed_limits_apply()
    {
        var options = Bind([]);
        Assert.Equal((1000, TimeSpan.FromHours(1)), (options.Api.Limit, options.Api.Window));
        Assert.Equal((100, TimeSpan.FromHours(1)), (options.Chat.Limit, options.Chat.Window));
        Assert.Equal((3600, TimeSpan.FromDays(1)), (options.Voice.Limit, options.Voice.Window));
        Assert.Equal((10, TimeSpan.FromDays(1)), (options.Exports.Limit, options.Exports.Window));
    }

    [Fact]
    public void A_policy_is_overridden_by_its_configuration_section()
    {
        var options = Bind(new()
        {
            ["LearnTrac:RateLimits:Chat:Limit"] = "5",
            ["LearnTrac:RateLimits:Chat:Window"] = "00:00:30",
        });
        Assert.Equal(5, options.For(RateLimitPolicies.Chat).Limit);
        Assert.Equal(TimeSpan.FromSeconds(30), options.For(RateLimitPolicies.Chat).Window);
        Assert.Equal(1000, options.For(RateLimitPolicies.Api).Limit);
    }

    [Theory]
    [InlineData(RateLimitPolicies.Api)]
    [InlineData(RateLimitPolicies.Chat)]
    [InlineData(RateLimitPolicies.Voice)]
    [InlineData(RateLimitPolicies.Exports)]
    public void Every_named_policy_has_limits(string policy) => Assert.True(new LearnTracRateLimitOptions().For(policy).Limit > 0);

    [Fact]
    public void An_unknown_policy_name_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearnTracRateLimitOptions().For("uploads"));

    [Theory]
    [InlineData(0, "01:00:00")]
    [InlineData(10, "00:00:00")]
    [InlineData(10, "8.00:00:00")]
    public void A_limit_below_one_or_a_window_outside_one_second_to_a_week_is_invalid(int limit, string window)
    {
        var policy = new RateLimitPolicyOptions { Limit = limit, Window = TimeSpan.Parse(window) };
        Assert.False(Validator.TryValidateObject(policy, new ValidationContext(policy), [], validateAllProperties: true));
    }
}
